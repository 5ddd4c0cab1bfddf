"""
gunicorn's settings for the portal (docs/deploy.md):

    gunicorn --config deploy/gunicorn.conf.py

Each value can be changed from the environment, so that one file serves
every machine. The settings module is portal.settings.production unless
DJANGO_SETTINGS_MODULE says otherwise (portal/wsgi.py).
"""

import os

wsgi_app = "portal.wsgi:application"

# Behind nginx or Caddy on the same machine; a load balancer elsewhere needs
# an address it can reach, such as 0.0.0.0:8000 on a private network.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")

# gunicorn's rule of thumb, two workers per core and one more, capped: each
# worker keeps its own database connection and search-index readers, so
# more workers than this add memory without adding speed.
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * (os.cpu_count() or 1) + 1, 9)))

# A request slower than this is stuck (a lock, a lost database): the worker
# is replaced rather than left to hold a slot. Restarts wait as long for
# requests under way.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = timeout
# Longer than nginx's default upstream keepalive, shorter than a load
# balancer's idle timeout (60 s on most).
keepalive = 5

# Only this proxy may say, through X-Forwarded-Proto and X-Forwarded-For,
# that a request came over HTTPS and from whom.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# The access log records the path without its query string and without the
# Referer (a search page's address, query and all): what people search for
# can name a victim, a suspect or a business under suspicion, and must not
# sit in log files kept for months.
# %(U)s is the path alone; %(M)s the time taken in milliseconds.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(a)s"'
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# The workers' heartbeat files in memory: on a slow or busy disk, a
# heartbeat written late gets a healthy worker killed. gunicorn creates
# them with mkstemp, owner-only, so a shared folder is safe.
SHARED_MEMORY = "/dev/shm"  # noqa: S108
if os.path.isdir(SHARED_MEMORY):
    worker_tmp_dir = SHARED_MEMORY
