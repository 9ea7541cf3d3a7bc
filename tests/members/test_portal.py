import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from reversion.models import Version

from members.models import Member
from tests.factories import (
    InvitationFactory,
    MemberFactory,
    TopicFactory,
    UserFactory,
    image_file,
)
from tests.forms import held_tokens, profile_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def relais(db):
    """Relais Lyon, whose French summary the tests change."""
    return MemberFactory(name="Relais Lyon", slug="relais-lyon", summary_fr="Ancien résumé")


def test_portal_lists_the_organisations_the_person_represents(rep_client, other_member):
    html = rep_client.get("/en/portal/").text

    assert "Relais Lyon" in html
    assert "Kinder Berlin" not in html


def test_portal_needs_signing_in(client, db):
    response = client.get("/fr/espace-membre/")

    assert response.status_code == 302
    assert response["Location"].startswith("/fr/comptes/connexion/")


def test_representative_edits_the_french_summary_and_the_public_page_shows_it(rep_client, relais):
    topic = TopicFactory()

    response = rep_client.post(
        "/fr/espace-membre/relais-lyon/profil/",
        profile_data(relais, summary_fr="Nouveau résumé", topics=[topic.pk]),
    )

    assert response.status_code == 302
    assert "Nouveau résumé" in rep_client.get("/fr/membres/relais-lyon/").text
    assert list(Member.objects.get(pk=relais.pk).topics.all()) == [topic]


def test_a_post_with_only_the_csrf_token_blanks_nothing(rep_client, relais):
    response = rep_client.post(
        "/fr/espace-membre/relais-lyon/profil/", {"csrfmiddlewaretoken": "the page's token"}
    )

    assert response.status_code == 200
    assert "Une partie du formulaire n’est pas arrivée" in response.text
    assert Member.objects.get(pk=relais.pk).summary_fr == "Ancien résumé"


def test_the_profile_keeps_a_summary_in_one_language_at_least(rep_client, relais):
    response = rep_client.post(
        "/en/portal/relais-lyon/profile/", profile_data(relais, summary_en="", summary_fr="")
    )

    assert response.status_code == 200
    assert "Give a short summary in English or in French" in response.text
    assert Member.objects.get(pk=relais.pk).summary_fr == "Ancien résumé"


def test_each_change_is_recorded_with_who_and_what(rep_client, relais):
    rep_client.post(
        "/en/portal/relais-lyon/profile/", profile_data(relais, summary_fr="Nouveau résumé")
    )

    versions = Version.objects.get_for_object(relais)
    latest, before = versions[0], versions[1]
    assert latest.revision.user.email == "rep@example.org"
    assert latest.revision.comment == "Changed in the member portal: Short summary, in French"
    assert before.field_dict["summary_fr"] == "Ancien résumé"


def test_staff_see_the_history_and_can_restore_an_earlier_version(admin_client, rep_client, relais):
    rep_client.post("/en/portal/relais-lyon/profile/", profile_data(relais, summary_fr="Vandalisé"))
    before = Version.objects.get_for_object(relais)[1]

    history = admin_client.get(f"/admin/members/member/{relais.pk}/history/").text
    admin_client.post(
        f"/admin/members/member/{relais.pk}/history/{before.pk}/",
        {**_admin_form(admin_client, relais.pk, before.pk)},
    )

    assert "Changed in the member portal: Short summary, in French" in history
    assert Member.objects.get(pk=relais.pk).summary_fr == "Ancien résumé"


def _admin_form(admin_client, pk, version_pk):
    """The fields of the admin's "restore this version" form, as the page fills them."""
    response = admin_client.get(f"/admin/members/member/{pk}/history/{version_pk}/")
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        if isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, datetime.date):
            data[name] = value.isoformat()
        else:
            data[name] = str(value)
    data.pop("logo", None)
    data["category_changes-TOTAL_FORMS"] = "0"
    data["category_changes-INITIAL_FORMS"] = "0"
    return data


def test_a_bad_logo_is_refused_with_a_message_and_nothing_saved(rep_client, relais):
    fake = SimpleUploadedFile("logo.png", b"not a picture", "image/png")

    response = rep_client.post(
        "/en/portal/relais-lyon/profile/",
        profile_data(relais, summary_fr="Changé", logo=fake),
    )

    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert Member.objects.get(pk=relais.pk).summary_fr == "Ancien résumé"


def test_a_valid_logo_is_kept_while_a_mistake_is_put_right(rep_client, relais):
    url = "/en/portal/relais-lyon/profile/"

    first = rep_client.post(url, profile_data(relais, latitude="200", logo=image_file("ours.png")))

    assert "Received: ours.png" in first.text
    assert not Member.objects.get(pk=relais.pk).logo

    second = rep_client.post(
        url, profile_data(relais, **{"logo-held": held_tokens(first.text)["logo"]})
    )

    assert second.status_code == 302
    assert Member.objects.get(pk=relais.pk).logo_small.name.endswith(".webp")


def test_representative_confirms_the_profile_is_up_to_date(rep_client, relais):
    response = rep_client.post("/en/portal/relais-lyon/confirm/")

    assert response.status_code == 302
    assert Member.objects.get(pk=relais.pk).profile_confirmed_on == datetime.date.today()
    assert rep_client.get("/en/portal/relais-lyon/confirm/").status_code == 405


def invite(client, email, **changes):
    return client.post(
        "/en/portal/relais-lyon/representatives/",
        {"first_name": "Léa", "last_name": "Petit", "email": email, "language": "fr"} | changes,
    )


def test_representative_invites_a_colleague(rep_client, relais, mailoutbox):
    response = invite(rep_client, "lea@example.org")

    assert response.status_code == 302
    assert mailoutbox[0].to == ["lea@example.org"]
    assert not relais.representatives.filter(email="lea@example.org").exists()  # not yet
    page = rep_client.get("/en/portal/relais-lyon/representatives/").text
    assert "Invitations waiting for an answer" in page
    assert "lea@example.org" in page

    link = re.search(r"https?://\S+", mailoutbox[0].body).group(0).split("://", 1)[1]
    rep_client.logout()
    rep_client.post(
        "/" + link.split("/", 1)[1],
        {
            "new_password1": "a-long-passphrase-for-léa",
            "new_password2": "a-long-passphrase-for-léa",
        },
    )
    assert relais.representatives.filter(email="lea@example.org").exists()


@pytest.mark.parametrize(
    ("email", "name"),
    [("someone@example.org", "Dominique Secret"), ("root@example.org", "Super User")],
)
def test_inviting_an_existing_account_neither_attaches_it_nor_shows_its_name(
    rep_client, relais, email, name
):
    first, last = name.split()
    UserFactory(
        email=email, first_name=first, last_name=last, is_superuser=email.startswith("root")
    )

    response = invite(rep_client, email)
    page = rep_client.get("/en/portal/relais-lyon/representatives/").text

    assert name not in response.text
    assert not relais.representatives.filter(email=email).exists()
    assert name not in page
    assert first not in page
    assert email in page  # as a pending invitation


def test_inviting_an_account_or_a_new_address_reads_the_same(rep_client):
    UserFactory(email="someone@example.org", first_name="Dominique")

    known = rep_client.get(invite(rep_client, "someone@example.org")["Location"]).text
    new = rep_client.get(invite(rep_client, "nobody@example.org")["Location"]).text

    def notice(html):
        return re.search(r'notice--success" role="status">([^<]+)<', html).group(1)

    assert notice(known).replace("someone@", "nobody@") == notice(new)


def test_representative_withdraws_a_pending_invitation(rep_client, relais, mailoutbox):
    invite(rep_client, "lea@example.org")
    invitation = relais.invitations.get()
    link = re.search(r"https?://\S+", mailoutbox[0].body).group(0).split("://", 1)[1]

    response = rep_client.post(f"/en/portal/relais-lyon/invitations/{invitation.pk}/withdraw/")

    assert response.status_code == 302
    assert not relais.invitations.exists()
    assert "Invitations waiting for an answer" not in rep_client.get(response["Location"]).text
    assert rep_client.get("/" + link.split("/", 1)[1]).status_code == 404


def test_a_present_representative_cannot_be_invited_again(rep_client):
    response = invite(rep_client, "REP@example.org")

    assert response.status_code == 200
    assert "This address already represents Relais Lyon." in response.text


def test_representative_removes_a_colleague_but_not_themselves(rep_client, relais):
    colleague = UserFactory(email="colleague@example.org")
    relais.representatives.add(colleague)
    me = relais.representatives.get(email="rep@example.org")

    rep_client.post(f"/en/portal/relais-lyon/representatives/{colleague.pk}/remove/")
    rep_client.post(f"/en/portal/relais-lyon/representatives/{me.pk}/remove/")

    assert list(relais.representatives.values_list("email", flat=True)) == ["rep@example.org"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/en/portal/kinder-berlin/profile/"),
        ("post", "/en/portal/kinder-berlin/profile/"),
        ("post", "/en/portal/kinder-berlin/confirm/"),
        ("get", "/en/portal/kinder-berlin/representatives/"),
        ("post", "/en/portal/kinder-berlin/representatives/"),
        ("post", "/fr/espace-membre/kinder-berlin/representants/{other_rep}/retirer/"),
        ("post", "/en/portal/kinder-berlin/invitations/{invitation}/withdraw/"),
        ("get", "/fr/espace-membre/kinder-berlin/profil/"),
    ],
)
def test_every_portal_page_of_another_member_is_not_found(rep_client, other_member, method, path):
    other_rep = other_member.representatives.get()
    invitation = InvitationFactory(member=other_member, email="x@example.org")
    url = path.format(other_rep=other_rep.pk, invitation=invitation.pk)

    response = getattr(rep_client, method)(url, profile_data(other_member, summary_en="Hacked"))

    assert response.status_code == 404
    other_member.refresh_from_db()
    assert other_member.summary_en != "Hacked"
    assert other_member.profile_confirmed_on is None
    assert other_member.representatives.count() == 1
    assert other_member.invitations.count() == 1


def input_tag(html, field_id):
    return re.search(rf'<input[^>]*\bid="{field_id}"[^>]*>', html).group(0)


def test_a_refused_number_comes_back_as_typed_with_its_error(rep_client, relais):
    response = rep_client.post(
        "/fr/espace-membre/relais-lyon/profil/", profile_data(relais, latitude="quarante-cinq")
    )

    assert response.status_code == 200
    assert "Saisissez un nombre." in response.text
    # A number box would empty itself and hold invalid HTML: a text box keeps the text.
    latitude = input_tag(response.text, "id_latitude")
    assert 'type="text"' in latitude
    assert 'value="quarante-cinq"' in latitude
    assert "max=" not in latitude


def test_a_number_box_stays_a_number_box_until_its_value_is_refused(rep_client, relais):
    response = rep_client.post(
        "/en/portal/relais-lyon/profile/", profile_data(relais, latitude="45.76", website="relais")
    )

    assert 'type="number"' in input_tag(response.text, "id_latitude")


def test_a_web_address_without_https_comes_back_as_typed(rep_client, relais):
    # Accepted (https:// is added), but sent back for another field's error.
    response = rep_client.post(
        "/en/portal/relais-lyon/profile/",
        profile_data(relais, website="relais.example", latitude="200"),
    )

    assert response.status_code == 200
    website = input_tag(response.text, "id_website")
    assert 'type="text"' in website
    assert 'inputmode="url"' in website
    assert 'value="relais.example"' in website


def test_a_group_of_choices_without_a_hint_points_to_no_hint(rep_client):
    html = rep_client.get("/en/portal/relais-lyon/profile/").text

    assert "<fieldset>" in html  # the topics
    assert 'aria-describedby=""' not in html
