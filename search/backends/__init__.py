"""Search backends for Wagtail / django-modelsearch."""
