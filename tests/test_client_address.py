"""Every limit counts the visitor, not the reverse proxy in front of the site: behind
TRUSTED_PROXY_COUNT proxies, the address the outermost one saw; with none trusted (the
default), REMOTE_ADDR, whatever X-Forwarded-For says."""

import time

import pytest
from allauth.account.models import EmailAddress

from cpe_network.lib.antispam import form_token
from members.models import Affiliate, User

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
PASSWORD = "a-long-and-unusual-passphrase"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.FORM_RATE_LIMIT_PER_HOUR = 3


def subscribe(client, number, **headers):
    """A subscription as a visitor sends it: a fresh form each time, a new address."""
    return client.post(
        "/en/subscribe/",
        {
            "name": "Sam Lee",
            "email": f"sam{number}@example.org",
            "country": "IE",
            "language": "en",
            "consent": "on",
            "nickname": "",
            "started": form_token(time.time() - 10),
        },
        **headers,
    )


def through_proxy(*forwarded_for):
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": ", ".join(forwarded_for)}


def test_behind_a_trusted_proxy_one_visitor_at_the_limit_does_not_stop_another(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(3):
        assert subscribe(client, number, **through_proxy("203.0.113.5")).status_code == 302

    stopped = subscribe(client, 3, **through_proxy("203.0.113.5"))
    other = subscribe(client, 4, **through_proxy("198.51.100.7"))

    assert stopped.status_code == 429
    assert other.status_code == 302
    assert Affiliate.objects.count() == 4


def test_what_the_client_writes_before_the_proxys_entry_changes_nothing(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(3):
        subscribe(client, number, **through_proxy(f"192.0.2.{number}", "203.0.113.5"))

    response = subscribe(client, 3, **through_proxy("192.0.2.99", "203.0.113.5"))

    assert response.status_code == 429
    assert Affiliate.objects.count() == 3


def test_behind_two_proxies_the_address_the_outer_one_saw_counts(client, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    for number in range(3):
        subscribe(client, number, **through_proxy("forged", "203.0.113.5", "10.0.0.1"))

    stopped = subscribe(client, 3, **through_proxy("198.51.100.7", "203.0.113.5", "10.0.0.1"))
    other = subscribe(client, 4, **through_proxy("203.0.113.5", "198.51.100.7", "10.0.0.1"))

    assert stopped.status_code == 429
    assert other.status_code == 302


def test_a_header_shorter_than_the_chain_of_proxies_counts_the_proxy(client, settings):
    """A request that did not come through every proxy: its visitors share one limit."""
    settings.TRUSTED_PROXY_COUNT = 2
    for number in range(3):
        subscribe(client, number, **through_proxy(f"203.0.113.{number}"))

    response = subscribe(client, 3, **through_proxy("198.51.100.7"))

    assert response.status_code == 429


def test_without_a_trusted_proxy_a_forged_header_changes_nothing(client):
    for number in range(3):
        subscribe(client, number, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")

    response = subscribe(client, 3, HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert response.status_code == 429
    assert Affiliate.objects.count() == 3


def test_addresses_of_one_ipv6_network_share_a_limit(client):
    for number in range(3):
        subscribe(client, number, REMOTE_ADDR=f"2001:db8:1:2::{number + 1}")

    same_network = subscribe(client, 3, REMOTE_ADDR="2001:db8:1:2:ffff::9")
    other_network = subscribe(client, 4, REMOTE_ADDR="2001:db8:1:3::1")

    assert same_network.status_code == 429
    assert other_network.status_code == 302


def test_ipv4_visitors_of_a_dual_stack_server_keep_their_own_limits(client):
    for number in range(3):
        subscribe(client, number, REMOTE_ADDR="::ffff:203.0.113.5")

    same = subscribe(client, 3, REMOTE_ADDR="203.0.113.5")
    other = subscribe(client, 4, REMOTE_ADDR="::ffff:198.51.100.7")

    assert same.status_code == 429
    assert other.status_code == 302


def test_a_proxy_may_write_a_port_or_brackets(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(3):
        subscribe(client, number, **through_proxy(f"203.0.113.5:{4000 + number}"))

    response = subscribe(client, 3, **through_proxy("[2001:db8::1]:443"))

    assert response.status_code == 302


# allauth's limits (sign-in, password reset) count the same address.


@pytest.fixture
def member_user():
    user = User.objects.create_user(username="rep", email="rep@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


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
