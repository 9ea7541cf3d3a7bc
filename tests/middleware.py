"""A middleware the tests put in front of the site's (tests/conftest.py): it notes every
HTML page that would make a browser ask another host for something."""

import re

EXTERNAL = re.compile(
    r"""<(?:script|img|iframe|source|audio|video|embed|track)\b[^>]*\bsrc(?:set)?=["']?(?:https?:)?//"""
    # A page's other languages and its canonical address are named, never fetched.
    r"""|<link\b(?![^>]*\brel=["']?(?:alternate|canonical))[^>]*\bhref=["']?(?:https?:)?//"""
    r"""|<object\b[^>]*\bdata=["']?(?:https?:)?//"""
    r"""|url\(\s*["']?(?:https?:)?//"""
    r"""|@import\s+["']?(?:https?:)?//""",
    re.IGNORECASE,
)

# The pages of the running test that load from other hosts, as (path, what they load).
OTHER_HOSTS = []


def external_references(html):
    """What in a page would make a browser ask another host for something."""
    return EXTERNAL.findall(html)


def no_other_hosts(get_response):
    def middleware(request):
        response = get_response(request)
        if response.get("Content-Type", "").startswith("text/html") and not response.streaming:
            found = external_references(response.content.decode(response.charset, "replace"))
            if found:
                OTHER_HOSTS.append((request.path_info, found))
        return response

    return middleware
