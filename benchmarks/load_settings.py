"""
Settings for `benchmarks/load.py` and the gunicorn server it starts.

The search benchmark's settings (DEBUG off, the base settings' middleware,
everything on disk in the run's own folder) with what a deployment has and
that benchmark leaves out: hashed, compressed static files served by
WhiteNoise, Django's own password hashers (a sign-in costs what it costs in
production), and the site's search backend alone.
"""

from django.conf import global_settings

from bench_settings import *  # noqa: F403
from bench_settings import WAGTAILSEARCH_BACKENDS as BENCH_SEARCH_BACKENDS

from portal.settings import base

PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
STORAGES = base.STORAGES
WAGTAILSEARCH_BACKENDS = {"default": BENCH_SEARCH_BACKENDS["default"]}
