from django.apps import AppConfig


class PortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        # Log privacy changes made outside Wagtail's own views
        # (portal/audit_log.py), and start the session clock at every
        # sign-in (portal/sessions.py).
        from portal import audit_log, sessions  # noqa: F401
        from portal.mfa import encrypt_authenticator_secrets

        encrypt_authenticator_secrets()
