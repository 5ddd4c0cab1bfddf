from django.apps import AppConfig


class BestPracticeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "best_practice"
    verbose_name = "Best practice"

    def ready(self):
        from best_practice import signals  # noqa: F401
