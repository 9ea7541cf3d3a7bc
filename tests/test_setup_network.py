"""`manage.py setup_network`: what a new installation needs before anyone uses it, made
without the demo data, and safe to run again."""

import io

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.management import call_command

from members.models import MembershipCategory

pytestmark = pytest.mark.django_db


def setup_network():
    out = io.StringIO()
    call_command("setup_network", stdout=out)
    return out.getvalue()


def test_it_creates_a_category_for_each_way_of_joining_in_both_languages():
    setup_network()

    categories = {c.admission: c for c in MembershipCategory.objects.all()}
    assert sorted(categories) == ["application", "approved", "invitation", "open"]
    assert categories["application"].name_fr == "Organisation membre"
    assert categories["approved"].name_en == "Applicant member"
    assert categories["approved"].listed
    assert not categories["open"].listed
    assert "bank account" in categories["application"].description_en
    assert "compte bancaire" in categories["application"].description_fr


def test_staff_can_save_each_category_as_it_was_made():
    setup_network()

    for category in MembershipCategory.objects.all():
        category.full_clean()


def test_it_creates_the_networks_pages_in_both_languages():
    setup_network()

    assert sorted(FlatPage.objects.values_list("url_en", "url_fr")) == [
        ("/about/", "/a-propos/"),
        ("/accessibility/", "/accessibilite/"),
        ("/child-protection-policy/", "/politique-de-protection-de-l-enfance/"),
        ("/privacy/", "/confidentialite/"),
        ("/values/", "/valeurs/"),
    ]


def test_the_site_record_takes_the_public_address(settings):
    settings.SITE_URL = "https://network.example.org"

    setup_network()

    site = Site.objects.get(pk=settings.SITE_ID)
    assert site.domain == "network.example.org"
    assert site.name == "Children of Prisoners Europe"


def test_running_it_again_keeps_what_staff_changed():
    setup_network()
    MembershipCategory.objects.filter(admission="approved").update(
        slug="candidates", name_en="Candidates"
    )
    FlatPage.objects.filter(url_en="/about/").update(title_en="Who we are")

    output = setup_network()

    assert MembershipCategory.objects.count() == 4
    assert MembershipCategory.objects.get(admission="approved").name_en == "Candidates"
    assert FlatPage.objects.count() == 5
    assert FlatPage.objects.get(url_en="/about/").title_en == "Who we are"
    assert "Membership categories: 0 created, 4 already there." in output
    assert "Pages: 0 created, 5 already there." in output


def test_a_missing_page_is_made_again():
    setup_network()
    FlatPage.objects.filter(url_en="/privacy/").delete()

    setup_network()

    assert FlatPage.objects.filter(url_fr="/confidentialite/").exists()


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/en/join/", "Member organisation"),
        ("/fr/adherer/", "Organisation membre"),
        ("/en/membership/", "after an approved application"),
        ("/fr/adhesion/", "Membre candidat"),
    ],
)
def test_after_set_up_the_join_form_and_membership_page_offer_the_categories(client, path, text):
    setup_network()

    response = client.get(path)

    assert response.status_code == 200
    assert text in response.text
