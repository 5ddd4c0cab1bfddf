from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "network.governance"
    label = "governance"
    verbose_name = "Network governance"
