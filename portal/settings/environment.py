"""Read the process environment once, for every settings module."""

import os

env = os.environ.copy()


def env_bool(name, default):
    """Return the named variable as a boolean ("1", "true", "yes", "on")."""
    if name not in env:
        return default
    return env[name].strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Return a comma-separated variable as a list, blanks dropped."""
    return [item.strip() for item in env.get(name, default).split(",") if item.strip()]
