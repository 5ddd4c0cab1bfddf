"""
How long a signed-in session lasts.

A session ends after SESSION_IDLE_TIMEOUT seconds without a request, and
SESSION_LIFETIME seconds after signing in however busy it is, so a browser
left open on a shared office computer does not stay signed in to restricted
guidance. The times are kept in the session itself, on the server.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

SIGNED_IN_AT = "portal_signed_in_at"
LAST_SEEN = "portal_last_seen"
# Writing the session on every request would cost a database write per
# page; the idle clock only needs to be right to the minute.
LAST_SEEN_RESOLUTION = 60


@receiver(user_logged_in)
def start_session_clock(sender, request, user, **kwargs):
    now = int(time.time())
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now


class SessionLifetimeMiddleware:
    """Sign out a session that has been idle or open too long."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self.check(request)
        elif SESSION_KEY in request.session:
            # The account was deactivated or deleted since signing in. Django
            # already treats the visitor as anonymous; ending the session too
            # means reactivating the account does not revive it.
            logout(request)
        return self.get_response(request)

    def check(self, request):
        session = request.session
        now = int(time.time())
        signed_in_at = session.get(SIGNED_IN_AT)
        last_seen = session.get(LAST_SEEN, signed_in_at)
        if signed_in_at is None:
            # Only a session that did not pass through sign-in has no start
            # time; its age cannot be checked, so it ends.
            reason = "Please sign in again."
        elif now - signed_in_at > settings.SESSION_LIFETIME:
            reason = (
                f"You were signed out because you signed in more than "
                f"{_duration(settings.SESSION_LIFETIME)} ago. Please sign in again."
            )
        elif now - last_seen > settings.SESSION_IDLE_TIMEOUT:
            reason = (
                f"You were signed out after "
                f"{_duration(settings.SESSION_IDLE_TIMEOUT)} without activity. "
                f"Please sign in again."
            )
        else:
            if now - last_seen >= LAST_SEEN_RESOLUTION:
                session[LAST_SEEN] = now
            return
        logout(request)
        messages.info(request, reason)


def _duration(seconds):
    """Return "12 hours", "30 minutes" or "1 minute" for a whole duration."""
    if seconds % 3600 == 0:
        count, unit = seconds // 3600, "hour"
    else:
        count, unit = max(1, seconds // 60), "minute"
    return f"{count} {unit}{'' if count == 1 else 's'}"
