"""
A small fixed-window limit on how often one address or one e-mail may try
something, kept in Django's cache (shared between servers when REDIS_URL is
set, per process otherwise).
"""

import hashlib
import time

from django.core.cache import cache


def allow(scope, key, limit, window):
    """
    Count one attempt at `scope` by `key`; return False once `limit`
    attempts have been made in the current `window` (seconds).
    """
    digest = hashlib.sha256(key.lower().encode()).hexdigest()[:32]
    bucket = int(time.time() // window)
    cache_key = f"partners:limit:{scope}:{digest}:{bucket}"
    # add() is a no-op when the key exists, so concurrent first attempts
    # cannot reset each other's count.
    cache.add(cache_key, 0, timeout=window)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        # Expired between add() and incr(): this is the first of a new window.
        cache.set(cache_key, 1, timeout=window)
        count = 1
    return count <= limit


def client_address(request):
    """
    Return the address the request came from. Behind a proxy, configure the
    proxy to set REMOTE_ADDR: a client-supplied X-Forwarded-For is not trusted.
    """
    return request.META.get("REMOTE_ADDR", "")
