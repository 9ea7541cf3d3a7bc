import os
import posixpath
import re
import secrets
import sys
from functools import wraps
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.flatpages.models import FlatPage
from django.contrib.sitemaps.views import SitemapIndexItem
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.paginator import EmptyPage
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe
from django.views.static import serve

from cpe_network.lib import versions
from cpe_network.lib.antispam import SendingLimit
from cpe_network.lib.uploads import is_site_chosen, owner_of, sandboxed
from members.accounts import staff_access_allowed
from members.geo import map_context
from members.models import Member
from news.models import Event, Post
from practices.models import Practice

from . import pagecache, sitemaps
from .context_processors import language_alternates
from .flatpages import page_url
from .forms import ContactForm
from .models import HomePage


def home(request):
    """The network's front door: staff's words and picture (HomePage, cached), the network
    in figures, the featured story and practice while they are public, the news, events
    and practices. A few short queries, whatever the number of rows."""
    home_page = HomePage.load()
    # The figures, counted over every member, event and practice, once while nothing
    # changes (and again when an event ends or a practice comes due).
    figures = pagecache.remembered(
        "home figures",
        compute=lambda: {
            "counts": Member.objects.listed().country_counts(),
            "event_total": Event.objects.published().upcoming().count(),
            "practice_total": Practice.objects.published().count(),
        },
    )
    counts = figures["counts"]
    featured_post = featured_practice = None
    if home_page.featured_post_id:
        featured_post = Post.objects.published().filter(pk=home_page.featured_post_id).first()
    if home_page.featured_practice_id:
        featured_practice = (
            Practice.objects.published().filter(pk=home_page.featured_practice_id).first()
        )
    # What is featured is not shown a second time in the lists below it.
    posts, practices = Post.objects.published(), Practice.objects.published()
    if home_page.featured_post_id:
        posts = posts.exclude(pk=home_page.featured_post_id)
    if home_page.featured_practice_id:
        practices = practices.exclude(pk=home_page.featured_practice_id)
    return render(
        request,
        "home.html",
        {
            "home_page": home_page,
            "map": map_context(counts, small=True),
            "member_total": sum(counts.values()),
            "country_total": len(counts),
            "event_total": figures["event_total"],
            "practice_total": figures["practice_total"],
            "featured_post": featured_post,
            "featured_practice": featured_practice,
            "latest_posts": posts[:3],
            "next_events": Event.objects.published().upcoming()[:3],
            "practices": practices.featured()[:3],
        },
    )


def find_help(request):
    """ "Find help near you": the choice of a country, on a page of its own (the footer
    links to it from every page)."""
    return render(request, "pages/find_help.html")


def page(request, url):
    """One of the network's pages, looked up by its address in the current language."""
    page = get_object_or_404(FlatPage, url=f"/{url}", sites=settings.SITE_ID)
    if page.registration_required and not request.user.is_authenticated:
        return redirect_to_login(request.path)
    urls = {code: page_url(page, code) for code, _name in settings.LANGUAGES}
    return render(
        request,
        page.template_name or "flatpages/default.html",
        {"flatpage": page, "alternates": language_alternates(request, urls)},
    )


def contact(request):
    """The secretariat's details and a form to write to it (stored, then relayed to staff)."""
    form = ContactForm(request.POST or None)
    if request.method == "POST":
        valid = form.is_valid_within(SendingLimit(request, "contact"))
        if form.is_robot or form.already_sent:  # dropped silently; a second click
            return redirect("contact_thanks")
        if valid:
            with form.sending() as sent, transaction.atomic():
                message = form.save()
                message.relay()
                sent.result = bool(message.reply_email)
            request.session["contact_reply"] = bool(message.reply_email)
            return redirect("contact_thanks")
    status = 429 if form.rate_limited else 200
    return render(request, "pages/contact.html", {"form": form}, status=status)


@never_cache
def contact_thanks(request):
    return render(
        request, "pages/contact_thanks.html", {"reply": request.session.get("contact_reply")}
    )


@never_cache
def healthz(request):
    """For load balancers and monitors, cheap (no page is drawn): 503 "unavailable" when
    the database does not answer (pages answer 503 then); 200 "degraded" when the cache
    does not keep a value (pages still answer, built afresh each time, and the forms'
    sending limits are off); 200 "ok" otherwise."""
    database = _database_answers()
    kept = _cache_keeps()
    if not database:
        status = "unavailable"
    elif not kept:
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse(
        {"status": status, "database": database, "cache": kept},
        status=503 if status == "unavailable" else 200,
    )


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def _cache_keeps():
    """A value written to the cache reads back (under a key of this request's own, as
    several servers ask at once)."""
    key = f"healthz:{secrets.token_hex(8)}"
    try:
        cache.set(key, "ok", 10)
        kept = cache.get(key) == "ok"
        cache.delete(key)
    except Exception:  # any backend's failure means the same: no cache to rely on
        return False
    return kept


# Errors that say the database cannot be reached (down, restarting, the network cut),
# as Django raises them for psycopg2 and for SQLite alike.
DATABASE_UNREACHABLE = (OperationalError, InterfaceError)


def server_error(request):
    """The site's 500 page (handler500), unless the error is the database out of reach:
    then 503 with Retry-After, so that visitors and crawlers know to come back, and the
    site's own page in the language of the address, drawn without the database
    (templates/503.html stands alone: the menus and footer read it). Every error raised
    by a view or a middleware comes here, the session's and the user's loading
    included. With DEBUG on, Django shows its traceback instead."""
    error = sys.exception()
    while error is not None and not isinstance(error, DATABASE_UNREACHABLE):
        error = error.__cause__ or error.__context__
    if error is None:
        return defaults.server_error(request)
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language):
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


RETRY_AFTER_SECONDS = 30


@require_safe
def choose_language(request, code):
    """The language switcher: the visitor's choice is kept a year in the language cookie, so
    that an address without a language (the bare domain, an old link) leads to it rather
    than to the browser's language, then on to the same page in that language (`next`, a
    path of this site; the home page otherwise). A GET, so the switcher is a plain link that
    works without JavaScript and asks for no CSRF token; all it changes is the cookie."""
    target = request.GET.get("next", "")
    if not target.startswith(f"/{code}/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts=None
    ):
        target = f"/{code}/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    add_never_cache_headers(response)
    return response


def _folder(path):
    """ "/fr/comptes/connexion/" -> "/fr/comptes/"."""
    return path.rstrip("/").rsplit("/", 1)[0] + "/"


def _kept_from_crawlers():
    """The address prefixes that robots.txt asks crawlers to leave alone: the admin, the
    language switcher's redirects, and in each language the member portal and the
    accounts pages (sign-in, password, invitations)."""
    paths = [reverse("admin:index"), _folder(reverse("choose_language", args=["en"]))]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths += [reverse("members:portal"), _folder(reverse("account_login"))]
    return paths


@require_GET
def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {"disallowed": _kept_from_crawlers()},
        content_type="text/plain; charset=utf-8",
    )


def _cached_sitemap(view):
    """A sitemap file, cached per address (scheme, host, section, page) as the public
    pages are (pages.pagecache): under their version, which any change of what the public
    sees bumps, until a scheduled item comes due. Only a page number written
    plainly is looked up: ?p=02 and the like are 404s, so they never fill the cache."""

    @wraps(view)
    @require_safe
    def cached(request, section=None):
        number = request.GET.get("p", "1") if section else "1"
        if not re.fullmatch(r"[1-9][0-9]{0,5}", number):
            raise Http404
        if section is not None and section not in sitemaps.SITEMAPS:
            raise Http404  # before any cache key: the name is whatever was typed
        key = versions.key(
            pagecache.VERSION, "sitemap", request.scheme, request.get_host(), section, number
        )
        response = cache.get(key)
        if response is None:
            response = view(request, section) if section else view(request)
            if response.status_code == 200:
                cache.set(key, response, pagecache.seconds_to_keep())
        return response

    return cached


@_cached_sitemap
def sitemap_index(request):
    """/sitemap.xml: the address of each section's files, each dated by the latest
    change of what it lists."""
    files = []
    for name, cls in sitemaps.SITEMAPS.items():
        sitemap = cls(request)
        address = request.build_absolute_uri(reverse("sitemap_section", args=[name]))
        for number, lastmod in sitemap.files():
            files.append(
                SitemapIndexItem(address if number == 1 else f"{address}?p={number}", lastmod)
            )
    response = render(
        request, "sitemap_index.xml", {"sitemaps": files}, content_type="application/xml"
    )
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"  # as Django's views
    return response


@_cached_sitemap
def sitemap_section(request, section):
    """/sitemap-<section>.xml?p=N: a file of one section's addresses."""
    sitemap = sitemaps.SITEMAPS[section](request)
    try:
        content = sitemap.xml(int(request.GET.get("p", "1")))
    except EmptyPage:
        raise Http404 from None
    response = HttpResponse(content, content_type="application/xml")
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


# Uploads are served by type: whatever a file's name says, nothing else is sent.
MEDIA_TYPES = {".webp": "image/webp", ".pdf": "application/pdf"}


@require_safe
def media(request, path):
    """An uploaded file, from MEDIA_ROOT or object storage (S3_BUCKET), unless the proxy
    serves MEDIA_ROOT itself (SERVE_MEDIA off): only a file that a row holds now, only to
    whoever may see that row (everyone once it is public; before, staff and the member
    who sent it), and only as the type the site checked. Nothing served runs: it comes
    sandboxed, and a PDF is a download named after its title. Public files never change
    under their random names: browsers keep them a year; the others are not kept. With
    MEDIA_SENDFILE the proxy sends the bytes, after these checks (see the README)."""
    content_type = MEDIA_TYPES.get(posixpath.splitext(path)[1].lower())
    owner = owner_of(path) if content_type else None
    as_staff = staff_access_allowed(request)
    if owner is None or not owner.is_visible_to(request.user, as_staff=as_staff):
        raise Http404
    if settings.MEDIA_SENDFILE == "x-accel-redirect":
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_PREFIX + quote(path)
    elif settings.MEDIA_SENDFILE == "x-sendfile":
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = os.path.join(settings.MEDIA_ROOT, path)
    elif settings.S3_BUCKET:
        # Object storage: the bucket is never public; the bytes come through here.
        try:
            response = FileResponse(default_storage.open(path), content_type=content_type)
        except FileNotFoundError:
            raise Http404 from None
    else:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
        response["Content-Type"] = content_type
    if content_type == "application/pdf":
        name = getattr(owner, "download_name", "document.pdf")
        response["Content-Disposition"] = content_disposition_header(True, name)
    if not owner.is_public:
        add_never_cache_headers(response)
    elif is_site_chosen(path):
        patch_cache_control(response, public=True, max_age=60 * 60 * 24 * 365, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=60 * 60 * 24)
    return sandboxed(response)
