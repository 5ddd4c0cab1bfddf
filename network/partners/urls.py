from django.urls import path

from network.partners import views

app_name = "partners"

urlpatterns = [
    path("account/request/", views.request_account, name="request"),
    path("account/request/sent/", views.request_sent, name="request-sent"),
    path("account/request/confirm/<str:token>/", views.confirm, name="confirm"),
    path(
        "account/set-password/<uidb64>/<token>/",
        views.SetPasswordView.as_view(),
        name="set-password",
    ),
    path("account/password-set/", views.password_set, name="password-set"),
    path("my-portal/", views.my_portal, name="my-portal"),
    path(
        "my-portal/leave-network/<int:network_id>/",
        views.leave_network,
        name="leave-network",
    ),
    path(
        "my-portal/leave-organisation/",
        views.leave_organisation,
        name="leave-organisation",
    ),
    path("my-portal/close-account/", views.close_account, name="close-account"),
]
