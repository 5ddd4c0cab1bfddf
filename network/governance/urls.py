from django.urls import path

from network.governance import views

app_name = "governance"

urlpatterns = [
    path("period/", views.period_report, name="period-report"),
    path("period.csv", views.period_report_csv, name="period-report-csv"),
]
