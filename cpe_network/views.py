from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.flatpages.models import FlatPage
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_page, never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve

from members.geo import map_context
from members.models import Member
from news.models import Event, Post

from .context_processors import language_alternates
from .lib.images import is_named_after_its_content
from .pages import page_url
from .sitemaps import SITEMAPS


def home(request):
    counts = Member.objects.listed().country_counts()
    return render(
        request,
        "home.html",
        {
            "map": map_context(counts),
            "member_total": sum(counts.values()),
            "country_total": len(counts),
            "latest_posts": Post.objects.published()[:3],
            "next_events": Event.objects.published().upcoming()[:3],
        },
    )


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


@never_cache
def healthz(request):
    """200 when the database answers, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": False}, status=503)
    return JsonResponse({"status": "ok", "database": True})


@require_GET
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


@cache_page(60 * 60)
def sitemap(request):
    """Every public address, with its other-language alternate (hreflang)."""
    return sitemap_view(request, {name: cls(request) for name, cls in SITEMAPS.items()})


def media(request, path):
    """Uploaded pictures, when no proxy or object store serves them (SERVE_MEDIA). A
    picture named after its content never changes: browsers keep it a year without
    asking again; other files (documents) for a day."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    if is_named_after_its_content(path):
        patch_cache_control(response, public=True, max_age=60 * 60 * 24 * 365, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=60 * 60 * 24)
    return response
