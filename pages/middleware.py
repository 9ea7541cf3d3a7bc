from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers


def addresses_without_language(get_response):
    """An address without a language prefix (an old link, one typed by hand) leads to the
    same page in the visitor's language: the one chosen with the switcher (the language
    cookie), else the browser's. Django's LocaleMiddleware only tries the prefix of that
    language, so "/members/" with French chosen looked for "/fr/members/" and answered 404:
    here the path is recognised in whichever language it is written, then translated."""

    def middleware(request):
        response = get_response(request)
        if response.status_code != 404 or translation.get_language_from_path(request.path_info):
            return response
        target = _in_language(request.path_info, request.LANGUAGE_CODE)
        if target is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        response = HttpResponseRedirect(f"{target}?{query}" if query else target)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response

    return middleware


def _in_language(path, language):
    """`path` (without a language prefix) as written in one of the languages, translated
    into `language`; None when it is no page's address in any language."""
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            written = f"/{code}{path}"
            try:
                match = resolve(written)
            except Resolver404:
                continue
            # The network's pages answer any address: only one that exists counts.
            if match.url_name == "page":
                page = FlatPage.objects.filter(**{f"url_{code}": path}).first()
                if page is None:
                    continue
                with translation.override(language):
                    return f"/{language}{page.url}"
            return translate_url(written, language)
    return None
