from django.apps import AppConfig


class PortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal.mfa import encrypt_authenticator_secrets

        encrypt_authenticator_secrets()
