import re

import pytest

from members.models import Affiliate
from tests.factories import AffiliateFactory
from tests.forms import subscription_data

pytestmark = pytest.mark.django_db


def link(message, kind):
    path = re.findall(r"https?://[^/\s]+(/\S+)", message.body)
    return next(p for p in path if kind in p)


def test_subscribing_sends_a_confirmation_in_the_chosen_language(client, mailoutbox):
    response = client.post("/fr/abonnement/", subscription_data(language="fr"))

    assert response["Location"] == "/fr/abonnement/merci/"
    affiliate = Affiliate.objects.get()
    assert not affiliate.is_active
    assert mailoutbox[0].subject.endswith(
        "Confirmez votre abonnement à la lettre d’information du réseau"
    )


def test_the_confirmation_link_confirms(client, mailoutbox):
    client.post("/en/subscribe/", subscription_data())
    url = link(mailoutbox[0], "/confirm/")

    assert client.get(url).status_code == 200
    assert not Affiliate.objects.get().is_active  # a GET changes nothing
    client.post(url)
    assert Affiliate.objects.get().is_active


def test_one_link_unsubscribes_without_signing_in(client, mailoutbox):
    client.post("/en/subscribe/", subscription_data())
    client.post(link(mailoutbox[0], "/confirm/"))

    client.post(link(mailoutbox[0], "/unsubscribe/"))

    assert not Affiliate.objects.get().is_active


@pytest.mark.parametrize("kind", ["/confirm/", "/unsubscribe/"])
def test_a_tampered_link_is_refused(client, mailoutbox, kind):
    client.post("/en/subscribe/", subscription_data())
    url = link(mailoutbox[0], kind)

    response = client.post(url[:-6] + "abcde/")

    assert response.status_code == 404
    assert not Affiliate.objects.get().is_active


def test_subscribing_again_does_not_reveal_or_duplicate(client, mailoutbox):
    client.post("/en/subscribe/", subscription_data())
    response = client.post("/en/subscribe/", subscription_data(name="Someone Else"))

    assert response.status_code == 302
    assert Affiliate.objects.get().name == "Sam Lee"
    assert len(mailoutbox) == 2


def test_an_address_on_the_list_in_another_case_is_not_added_again(db, mailoutbox):
    listed = AffiliateFactory(name="Sam Lee", email="sam@example.org")
    newcomer = Affiliate(name="Someone Else", country="FR", language="fr", consent=True)

    answered = Affiliate.objects.subscribe("SAM@Example.org", newcomer)

    assert answered == listed
    assert Affiliate.objects.get().name == "Sam Lee"
    assert mailoutbox[0].to == ["sam@example.org"]


def test_missing_consent_and_honeypot(client):
    refused = client.post(
        "/en/subscribe/", {k: v for k, v in subscription_data().items() if k != "consent"}
    )
    robot = client.post("/en/subscribe/", subscription_data(nickname="spam"))

    assert "Please agree to receive the digest" in refused.text
    assert robot.status_code == 302
    assert not Affiliate.objects.exists()


def test_affiliates_are_never_shown_publicly(client, db):
    AffiliateFactory(name="Hidden Person", email="h@example.org", country="FR", language="fr")

    for path in [
        "/en/",
        "/en/members/",
        "/en/members/map/",
        "/en/membership/",
        "/sitemap-members.xml",
    ]:
        assert "Hidden Person" not in client.get(path).text


def test_staff_export_affiliates(admin_client, db):
    affiliate = AffiliateFactory(name="Sam Lee", email="sam@example.org")

    response = admin_client.post(
        "/admin/members/affiliate/",
        {"action": "export_csv", "_selected_action": [affiliate.pk]},
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "Sam Lee,sam@example.org" in response.content.decode()


def test_a_double_click_subscribes_and_emails_once(client, mailoutbox):
    sending = subscription_data()

    first = client.post("/en/subscribe/", sending)
    second = client.post("/en/subscribe/", sending)

    assert first["Location"] == second["Location"] == "/en/subscribe/thanks/"
    assert Affiliate.objects.count() == 1
    assert len(mailoutbox) == 1


def test_a_used_token_subscribes_no_other_address(client, mailoutbox):
    token = subscription_data()["started"]
    client.post("/en/subscribe/", subscription_data(started=token))

    responses = [
        client.post(
            "/en/subscribe/", subscription_data(email=f"other{n}@example.org", started=token)
        )
        for n in range(3)
    ]

    assert [r.status_code for r in responses] == [200, 200, 200]
    assert "This form has already been sent once" in responses[0].text
    assert list(Affiliate.objects.values_list("email", flat=True)) == ["sam@example.org"]
    assert len(mailoutbox) == 1


# However many visitors ask, one address receives a few emails a day at most, and the
# page says the same whatever the address's state.


def subscribe_from(client, number, **changes):
    """A subscription from another client address each time (another visitor)."""
    return client.post(
        "/en/subscribe/", subscription_data(**changes), REMOTE_ADDR=f"198.51.100.{number}"
    )


def test_an_address_not_yet_confirmed_is_asked_at_most_three_times_a_day(client, mailoutbox):
    responses = [subscribe_from(client, number) for number in range(6)]

    assert {r["Location"] for r in responses} == {"/en/subscribe/thanks/"}
    assert len(mailoutbox) == 3
    assert all("Confirm your subscription" in m.subject for m in mailoutbox)


def test_an_address_that_already_subscribes_is_told_so_once_a_day(client, mailoutbox):
    AffiliateFactory(email="sam@example.org", language="fr", confirmed=True)

    responses = [subscribe_from(client, number, email="SAM@example.org") for number in range(4)]

    assert {r["Location"] for r in responses} == {"/en/subscribe/thanks/"}
    (message,) = mailoutbox
    assert message.subject.endswith("Vous recevez déjà la lettre d’information du réseau")
    affiliate = Affiliate.objects.get()
    # The link is signed with the time: compare what it opens, not its text.
    prefix = affiliate.link("unsubscribe").rsplit("/", 2)[0] + "/"
    token = message.body.split(prefix, 1)[1].split("/", 1)[0]
    assert Affiliate.from_token(token, "unsubscribe") == affiliate
    assert affiliate.is_active


def test_the_limit_is_per_address(client, mailoutbox):
    for number in range(4):
        subscribe_from(client, number)

    subscribe_from(client, 9, email="another@example.org")

    assert [m.to for m in mailoutbox][-1] == ["another@example.org"]
    assert len(mailoutbox) == 4
