from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from .flatpages import about_page_url, footer_pages
from .models import HomePage


def language_alternates(request, urls=None):
    """This page in each language: code, the language's own name, path and absolute address.

    `urls` maps a language code to the page's path in it, for pages whose address
    is more than a translated pattern (a page with a translated slug); otherwise
    the current address is translated pattern by pattern, query string kept.
    """
    current = get_language()
    path = request.get_full_path()
    try:
        origin = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:  # the 400 page for a request to an unknown host
        origin = ""
    alternates = []
    for code, _name in settings.LANGUAGES:
        twin = urls[code] if urls else translate_url(path, code)
        alternates.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "path": twin,
                "url": origin + twin,
                "current": code == current,
            }
        )
    return alternates


def site(request):
    return {
        # A callable, so templates that show no footer (the 500 page) run no query.
        "footer_pages": footer_pages,
        "about_url": about_page_url,
        "contact_details": HomePage.load,
        "alternates": language_alternates(request),
    }
