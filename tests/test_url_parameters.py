"""Every address that takes a parameter (a token, a slug, a number, a path), found by
walking the URL resolver, answers hostile values with 404 or another refusal (ours), never 500
(the admin's and allauth's), and no control character ever reaches the database:
PostgreSQL refuses a NUL in a query ("A string literal cannot contain NUL")."""

import re
from urllib.parse import quote

import pytest
from django.db import connection
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils.translation import override

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    "\x00",
    "a\x00b",
    "line\r\nbreak",
    "\x7f",
    "%",
    "..",
    "'; --",
    "<b>",
    "é\u202e",
    "x" * 300,
]
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
OUR_VIEWS = ("members.", "news.", "pages.")
# Besides 404: a redirect to the address with a slash or a language prefix, a refused
# path (media), a page that takes only POST (refused before it reads its parameters).
NOT_FOUND_OR_REFUSED = {301, 302, 400, 404, 405}


def parts(pattern):
    """A pattern as literal text and parameter slots (None), in the active language."""
    if isinstance(pattern, LocalePrefixPattern):
        return [pattern.language_prefix]
    if isinstance(pattern, RoutePattern):
        route, found = str(pattern._route), []
        while "<" in route:
            before, rest = route.split("<", 1)
            found += [before, None]
            route = rest.split(">", 1)[1]
        return [*found, route]
    regex = str(pattern._regex).removeprefix("^").removesuffix("$")
    found, depth, text = [], 0, ""
    for index, char in enumerate(regex):
        # Only named groups are parameters: not "(?:…)", nor lookarounds "(?!…)".
        if char == "(" and depth == 0 and regex.startswith("(?P<", index):
            found.append(text.replace("\\", ""))
            text = ""
            found.append(None)
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            text += char
    return [*found, text.replace("\\", "")]


def addresses(patterns=None, prefix=()):
    """(route, view module, slots) for every pattern with at least one parameter."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        here = [*prefix, *parts(entry.pattern)]
        if isinstance(entry, URLResolver):
            yield from addresses(entry.url_patterns, here)
        elif None in here:
            route = "".join("{}" if part is None else part for part in here)
            yield route, entry.callback.__module__, here


def routes(language):
    with override(language):
        return [
            pytest.param(language, route, id=f"{language}:{route}")
            for route, _module, _parts in addresses()
            if language == "en" or not route.startswith("admin/")
        ]


def fill(address_parts, slot, value):
    """The address with `value` in its `slot`-th parameter and "1" in the others."""
    out, index = [], 0
    for part in address_parts:
        if part is None:
            out.append(quote(value, safe="") if index == slot else "1")
            index += 1
        else:
            out.append(part)
    return "/" + "".join(out)


@pytest.fixture
def superuser(client):
    """Signed in as a superuser, so that the admin's addresses answer too (made without
    a password: hashing one for each address would take most of the time)."""
    client.force_login(
        UserFactory(username="root", is_staff=True, is_superuser=True, password=None)
    )
    return client


@pytest.fixture
def database_parameters():
    """Every parameter the code sends to the database during the test."""
    sent = []

    def spy(execute, sql, params, many, context):
        for row in (params or []) if many else [params or []]:
            sent.extend(value for value in row if isinstance(value, str))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(spy):
        yield sent


@pytest.mark.parametrize(("language", "route"), [*routes("en"), *routes("fr")])
def test_hostile_values_in_an_address_answer_not_found(
    superuser, database_parameters, language, route
):
    with override(language):
        (module, address_parts), *_ = [
            (module, found) for each, module, found in addresses() if each == route
        ]
    # The admin's own addresses (Django's) get the characters the database refuses.
    values = HOSTILE[:4] if route.startswith("admin/") else HOSTILE
    for slot in range(address_parts.count(None)):
        for value in values:
            url = fill(address_parts, slot, value)

            response = superuser.get(url)

            assert response.status_code < 500, url
            if module.startswith(OUR_VIEWS) and not route.startswith("admin/"):
                assert response.status_code in NOT_FOUND_OR_REFUSED, url
    assert not [value for value in database_parameters if CONTROL_CHARACTERS.search(value)]


@pytest.mark.parametrize(
    "url", ["/en/join/status/%00/", "/fr/adherer/suivi/a%00b/", "/en/accounts/confirm-email/%00/"]
)
def test_a_nul_in_an_address_is_not_found(client, url):
    response = client.get(url)

    assert response.status_code == 404
    assert "Page not found" in response.text or "Page introuvable" in response.text


def test_every_address_with_a_parameter_is_walked():
    with override("fr"):
        found = {route for route, _module, _parts in addresses()}

    assert "fr/adherer/suivi/{}/" in found
    assert "fr/comptes/invitation/{}/" in found
    assert "fr/{}" in found  # the network's pages
    assert "admin/members/member/{}/change/" in found


@pytest.mark.parametrize(
    "url",
    [
        "/en/members/?q=%00&country=a%00&topic=%00&page=%00",
        "/fr/actualites/?topic=%00&member=%00&page=%00",
        "/en/events/?when=%00&country=%00",
        "/en/accounts/login/?next=%00",
        "/en/news/feed/?x=%00",
    ],
)
def test_a_nul_in_a_query_string_never_reaches_the_database(client, database_parameters, url):
    response = client.get(url)

    assert response.status_code == 200
    assert not [value for value in database_parameters if "\x00" in value]
