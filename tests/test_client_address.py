"""Every limit counts the visitor, not the reverse proxy in front of the site: behind
TRUSTED_PROXY_COUNT proxies, the address the outermost one saw; with none trusted (the
default), REMOTE_ADDR, whatever X-Forwarded-For says."""

import pytest

from members.models import Affiliate
from tests.factories import PASSWORD, UserFactory
from tests.forms import subscription_data

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.FORM_RATE_LIMIT_PER_HOUR = 3


def subscribe(client, number, **headers):
    """A subscription as a visitor sends it: a fresh form each time, a new address."""
    return client.post(
        "/en/subscribe/", subscription_data(email=f"sam{number}@example.org"), **headers
    )


def through_proxy(*forwarded_for):
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": ", ".join(forwarded_for)}


def remote(address):
    return {"REMOTE_ADDR": address}


def forwarded(address):
    return {"HTTP_X_FORWARDED_FOR": address}


# (trusted proxies, a visitor's first three sendings, their fourth, another visitor's)
ONE_VISITOR_AND_ANOTHER = {
    "behind a trusted proxy": (
        1,
        [through_proxy("203.0.113.5")] * 3,
        through_proxy("203.0.113.5"),
        through_proxy("198.51.100.7"),
    ),
    "behind two proxies, the address the outer one saw": (
        2,
        [through_proxy("forged", "203.0.113.5", "10.0.0.1")] * 3,
        through_proxy("198.51.100.7", "203.0.113.5", "10.0.0.1"),
        through_proxy("203.0.113.5", "198.51.100.7", "10.0.0.1"),
    ),
    "addresses of one IPv6 network": (
        0,
        [remote(f"2001:db8:1:2::{number + 1}") for number in range(3)],
        remote("2001:db8:1:2:ffff::9"),
        remote("2001:db8:1:3::1"),
    ),
    "IPv4 visitors of a dual-stack server": (
        0,
        [remote("::ffff:203.0.113.5")] * 3,
        remote("203.0.113.5"),
        remote("::ffff:198.51.100.7"),
    ),
}


@pytest.mark.parametrize(
    ("proxies", "first", "same", "other"),
    ONE_VISITOR_AND_ANOTHER.values(),
    ids=ONE_VISITOR_AND_ANOTHER,
)
def test_one_visitor_at_the_limit_does_not_stop_another(
    client, settings, proxies, first, same, other
):
    settings.TRUSTED_PROXY_COUNT = proxies
    for number, headers in enumerate(first):
        assert subscribe(client, number, **headers).status_code == 302

    stopped = subscribe(client, 3, **same)
    other_visitor = subscribe(client, 4, **other)

    assert stopped.status_code == 429
    assert other_visitor.status_code == 302
    assert Affiliate.objects.count() == 4


# (trusted proxies, three sendings, a fourth that only looks like another visitor's)
ONE_VISITOR = {
    "what the client writes before the proxy's entry changes nothing": (
        1,
        [through_proxy(f"192.0.2.{number}", "203.0.113.5") for number in range(3)],
        through_proxy("192.0.2.99", "203.0.113.5"),
    ),
    # A request that did not come through every proxy: its visitors share one limit.
    "a header shorter than the chain of proxies counts the proxy": (
        2,
        [through_proxy(f"203.0.113.{number}") for number in range(3)],
        through_proxy("198.51.100.7"),
    ),
    "without a trusted proxy a forged header changes nothing": (
        0,
        [forwarded(f"203.0.113.{number}") for number in range(3)],
        forwarded("198.51.100.7"),
    ),
}


@pytest.mark.parametrize(("proxies", "first", "fourth"), ONE_VISITOR.values(), ids=ONE_VISITOR)
def test_a_visitor_cannot_pass_for_another(client, settings, proxies, first, fourth):
    settings.TRUSTED_PROXY_COUNT = proxies
    for number, headers in enumerate(first):
        assert subscribe(client, number, **headers).status_code == 302

    response = subscribe(client, 3, **fourth)

    assert response.status_code == 429
    assert Affiliate.objects.count() == 3


def test_a_proxy_may_write_a_port_or_brackets(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(3):
        subscribe(client, number, **through_proxy(f"203.0.113.5:{4000 + number}"))

    response = subscribe(client, 3, **through_proxy("[2001:db8::1]:443"))

    assert response.status_code == 302


# allauth's limits (sign-in, password reset) count the same address.


@pytest.fixture
def member_user():
    return UserFactory(email="rep@example.org")


def sign_in(client, login, password, **headers):
    return client.post("/en/accounts/login/", {"login": login, "password": password}, **headers)


def guess_ten_passwords(client, **headers):
    """Someone tries passwords against many addresses: allauth stops them after ten."""
    for number in range(10):
        sign_in(client, f"target{number}@example.org", "wrong", **headers)


def test_behind_a_trusted_proxy_failed_sign_ins_do_not_block_another_visitor(
    client, settings, member_user
):
    settings.TRUSTED_PROXY_COUNT = 1
    guess_ten_passwords(client, **through_proxy("203.0.113.5"))

    stopped = sign_in(client, "rep@example.org", PASSWORD, **through_proxy("203.0.113.5"))
    signed_in = sign_in(client, "rep@example.org", PASSWORD, **through_proxy("198.51.100.7"))

    assert "Too many failed login attempts" in stopped.text
    assert signed_in.status_code == 302
    assert client.get("/en/portal/").status_code == 200


def test_without_a_trusted_proxy_failed_sign_ins_cannot_be_dodged_with_a_header(
    client, member_user
):
    guess_ten_passwords(client, HTTP_X_FORWARDED_FOR="203.0.113.5")

    response = sign_in(client, "rep@example.org", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert "Too many failed login attempts" in response.text
    assert client.get("/en/portal/").status_code == 302  # not signed in


def test_behind_a_trusted_proxy_the_password_reset_counts_the_visitor(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(20):  # allauth's limit: twenty a minute from one address
        client.post(
            "/en/accounts/password/reset/",
            {"email": f"someone{number}@example.org"},
            **through_proxy("203.0.113.5"),
        )

    stopped = client.post(
        "/en/accounts/password/reset/",
        {"email": "rep@example.org"},
        **through_proxy("203.0.113.5"),
    )
    other = client.post(
        "/en/accounts/password/reset/",
        {"email": "rep@example.org"},
        **through_proxy("198.51.100.7"),
    )

    assert stopped.status_code == 429
    assert other.status_code == 302
