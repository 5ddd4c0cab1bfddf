"""
Security headers, production settings, personal responses kept out of
caches, and public pages that load nothing from another host.
"""

import io
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.http import HttpResponse
from django.urls import reverse

from wagtail.models import Page, Site

import pytest

from events.models import CalendarFeedToken
from portal.middleware import ContentSecurityPolicyMiddleware
from tests.portal.test_settings import settings_value


def csp(response, header="Content-Security-Policy"):
    """Return the response's policy as {directive: [sources]}."""
    policy = {}
    for part in response[header].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def cache_directives(response):
    return {
        directive.strip().split("=")[0].lower()
        for directive in response.get("Cache-Control", "").split(",")
        if directive.strip()
    }


def is_kept_private(response):
    return {"private", "no-store"} <= cache_directives(response)


# Headers


@pytest.mark.django_db
def test_public_pages_allow_no_inline_script_and_nothing_from_elsewhere(client, tree):
    response = client.get("/")
    assert response.status_code == 200
    policy = csp(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_public_pages_send_the_other_security_headers(client, tree):
    response = client.get(tree.west_yorkshire.url)
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    features = dict(
        item.strip().split("=", 1) for item in response["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()", feature


def test_a_nonce_is_added_to_the_policy_only_when_a_template_uses_it(rf):
    def view_with_inline_script(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">go()</script>')

    response = ContentSecurityPolicyMiddleware(view_with_inline_script)(rf.get("/"))
    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert len(nonce) >= 16
    assert csp(response)["script-src"] == ["'self'", f"'nonce-{nonce}'"]
    plain = ContentSecurityPolicyMiddleware(lambda request: HttpResponse("<p>"))
    assert csp(plain(rf.get("/")))["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_the_wagtail_admin_has_its_own_relaxed_policy(client, tree):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = csp(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-inline'" in policy["style-src"]
    assert {"data:", "blob:"} <= set(policy["img-src"])
    # Relaxed for the admin's own scripts, still nothing from another host.
    for sources in policy.values():
        assert not [s for s in sources if "://" in s or s in {"*", "https:"}]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_previews_may_be_framed_by_the_admin_and_nothing_else(tree):
    # The admin's preview panel shows the page, rendered through a
    # simulated request for its public address, in a frame.
    response = tree.west_yorkshire.make_preview_request()
    assert response.status_code == 200
    policy = csp(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert is_kept_private(response)


@pytest.mark.django_db
def test_wagtail_serves_documents_under_its_own_stricter_policy(client, tree):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document

    document = Document.objects.create(
        title="Leaflet", file=ContentFile(b"Leaflet text", name="leaflet.txt")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.django_db
def test_gravatar_is_switched_off_for_admin_avatars(tree, personas):
    from wagtail.users.utils import get_gravatar_url

    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert get_gravatar_url(personas["superuser"].email) is None


# Cookies


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_httponly_and_same_site(client, tree, personas):
    personas["partner"].set_password("correct horse battery")
    personas["partner"].save()
    form = client.get(reverse("account:sign-in"))
    assert form.cookies[settings.CSRF_COOKIE_NAME]["samesite"] == "Lax"
    response = client.post(
        reverse("account:sign-in"),
        {"username": "partner", "password": "correct horse battery"},
    )
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    # The cookie ends with the session's absolute lifetime, not in two weeks.
    assert int(cookie["max-age"]) == settings.SESSION_LIFETIME == 12 * 60 * 60


# Production settings


def production_environment():
    return {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "portal.example.org",
        "MFA_SECRET_ENCRYPTION_KEYS": secrets.token_urlsafe(32),
    }


def check_deploy(**environment):
    return subprocess.run(
        [
            sys.executable,
            "manage.py",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        cwd=settings.BASE_DIR,
        env={"PATH": "/usr/bin:/bin", **production_environment(), **environment},
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_reports_nothing_with_the_production_settings():
    result = check_deploy()
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_would_report_a_weak_secret_key():
    result = check_deploy(SECRET_KEY="short")
    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_production_sends_hsts_and_marks_cookies_secure():
    result = settings_value(
        "portal.settings.production",
        "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="portal.example.org",
        MFA_SECRET_ENCRYPTION_KEYS="y" * 32,
    )
    assert result.stdout.split() == [
        "31536000",
        "True",
        "True",
        "True",
        "True",
        "True",
        "Lax",
    ]


def test_session_times_are_read_from_the_environment():
    result = settings_value(
        "portal.settings.base",
        "s.SESSION_IDLE_TIMEOUT, s.SESSION_LIFETIME, s.SESSION_COOKIE_AGE",
        SESSION_IDLE_MINUTES="10",
        SESSION_LIFETIME_HOURS="8",
    )
    assert result.stdout.split() == ["600", "28800", "28800"]


# Cache-Control of personal responses


@pytest.mark.django_db
def test_pages_for_anonymous_visitors_stay_cacheable(client, search_index, tree):
    for url in ("/", tree.west_yorkshire.url, "/search/?q=forum", "/events/feed.ics"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "private" not in cache_directives(response), url
        assert "no-store" not in cache_directives(response), url


@pytest.mark.django_db
def test_every_response_to_someone_signed_in_is_kept_private(
    client, search_index, tree, personas
):
    client.force_login(personas["partner"])
    for url in (
        "/",
        tree.west_yorkshire.url,
        tree.partners_page.url,
        "/search/?q=forum",
        "/best-practice/feed/",
        "/events/feed.ics",
        reverse("partners:my-portal"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert is_kept_private(response), (url, response.get("Cache-Control"))


@pytest.mark.django_db
def test_restricted_pages_are_kept_private_even_when_refused(client, tree):
    response = client.get(tree.partners_page.url)
    assert response.status_code == 302
    assert is_kept_private(response)


@pytest.mark.django_db
def test_account_pages_are_kept_private_for_anonymous_visitors(client, tree):
    for url in (reverse("account:sign-in"), reverse("partners:request")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert is_kept_private(response), (url, response.get("Cache-Control"))


@pytest.mark.django_db
def test_the_personal_calendar_feed_is_kept_private(client, tree, personas):
    feed = CalendarFeedToken.objects.create(
        user=personas["partner"], token=secrets.token_urlsafe(32)
    )
    response = client.get(reverse("events:personal-feed", args=[feed.token]))
    assert response.status_code == 200
    assert is_kept_private(response)


# Nothing from another host, no inline script or style


class PageResources(HTMLParser):
    """Collect what a page loads or sends to, and any inline script or style."""

    LOADS = {
        "script": ["src"],
        "link": ["href"],
        "img": ["src", "srcset"],
        "iframe": ["src"],
        "source": ["src", "srcset"],
        "video": ["src", "poster"],
        "audio": ["src"],
        "embed": ["src"],
        "object": ["data"],
        "form": ["action"],
    }
    # <script> elements that hold data, which browsers never run.
    DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}

    def __init__(self):
        super().__init__()
        self.addresses = []
        self.inline = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in self.LOADS.get(tag, []):
            value = attrs.get(name) or ""
            for candidate in value.split(","):
                if candidate.strip():
                    self.addresses.append(candidate.split()[0])
        if tag == "script" and "src" not in attrs:
            if attrs.get("type") not in self.DATA_SCRIPT_TYPES:
                self.inline.append("<script> without src")
        if tag == "style":
            self.inline.append("<style> element")
        for name in attrs:
            if name == "style" or name.startswith("on"):
                self.inline.append(f"{name}= on <{tag}>")


def public_page_urls():
    """One live public page of each page type, then the portal's own views."""
    first_of_type = {}
    for page in Page.objects.live().public().exclude(depth=1).order_by("path"):
        first_of_type.setdefault(page.content_type_id, page)
    urls = [page.url for page in first_of_type.values()]
    return urls + [
        "/search/?q=county+lines",
        "/glossary/",
        "/reports/period/",
        reverse("account:sign-in"),
        reverse("partners:request"),
        "/no-such-page/",
    ]


@pytest.fixture
def demo(db, settings, tmp_path):
    """The demo portal, with its search index built in a folder of its own."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.whoosh",
            "PATH": str(tmp_path / "search-index"),
            "LANGUAGE": "en",
            "AUTO_UPDATE": False,
        }
    }
    call_command("load_demo", stdout=io.StringIO())


def test_public_pages_load_nothing_from_another_host(client, demo):
    own_hosts = {None, "testserver"} | set(
        Site.objects.values_list("hostname", flat=True)
    )
    urls = public_page_urls()
    assert len(urls) > 15
    problems = []
    for url in urls:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        resources = PageResources()
        resources.feed(response.content.decode())
        assert resources.addresses, f"{url} loads nothing: is it a page?"
        problems += [
            f"{url}: {address}"
            for address in resources.addresses
            if urlsplit(address).scheme not in {"", "http", "https"}
            or urlsplit(address).hostname not in own_hosts
        ]
        problems += [f"{url}: {inline}" for inline in resources.inline]
    assert not problems, "\n".join(problems)
