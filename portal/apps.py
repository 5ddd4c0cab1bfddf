from django.apps import AppConfig


class PortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        # Starts the session clock at every sign-in (portal/sessions.py).
        from portal import sessions  # noqa: F401
