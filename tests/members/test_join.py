import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from members.models import Application
from tests.factories import CategoryFactory, applicant_category, image_file, pdf_file
from tests.forms import application_data, held_tokens, started

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def limits(settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["secretariat@example.org"]
    settings.FORM_RATE_LIMIT_PER_HOUR = 3


@pytest.fixture
def category():
    """What organisations apply for (the network's "member organisation")."""
    return CategoryFactory()


def test_form_offers_only_categories_open_to_application(client, category):
    applicant_category()
    CategoryFactory(slug="individual-member", name_en="Individual member", admission="invitation")

    html = client.get("/en/join/").text

    assert "Member organisation" in html
    assert "Applicant member" not in html
    assert "Individual member" not in html


def test_with_no_category_open_to_application_the_form_says_so(client):
    applicant_category()

    response = client.get("/fr/adherer/")

    assert response.status_code == 200
    assert "ne reçoit pas de candidatures pour le moment" in response.text
    assert "<form" not in response.text.split("<main", 1)[1]


def test_an_application_is_stored_with_its_documents_and_acknowledged(client, category, mailoutbox):
    response = client.post("/fr/adherer/", application_data(category))

    assert response.status_code == 302
    assert response["Location"] == "/fr/adherer/merci/"
    application = Application.objects.get()
    assert application.status == "submitted"
    assert application.annual_report_1.read().startswith(b"%PDF-")
    acknowledgement, notice = mailoutbox
    assert acknowledgement.to == ["marie@lien.example"]
    assert acknowledgement.subject == (
        "[Children of Prisoners Europe] Nous avons reçu la candidature de Lien Familial"
    )
    assert f"/fr/adherer/suivi/{application.token}/" in acknowledgement.body
    assert notice.to == ["secretariat@example.org"]
    assert "Lien Familial" in notice.subject


def test_documents_are_not_in_the_public_media_folder(client, category, settings):
    client.post("/en/join/", application_data(category))

    application = Application.objects.get()
    assert str(settings.PRIVATE_MEDIA_ROOT) in application.annual_report_1.path
    assert not (settings.MEDIA_ROOT / "applications").exists()
    public = f"/media/applications/{application.annual_report_1.name.rsplit('/', 1)[-1]}"
    assert client.get(public, follow=True).status_code == 404


def test_thank_you_page_says_what_happens_next(client, category):
    response = client.post("/en/join/", application_data(category), follow=True)

    assert "What happens next" in response.text
    assert "within six months" in response.text
    assert "Follow your application" in response.text


def test_applicant_follows_the_status_without_an_account(client, category):
    client.post("/en/join/", application_data(category))
    application = Application.objects.get()

    assert "Received on" in client.get(f"/fr/adherer/suivi/{application.token}/").text or (
        "Reçue le" in client.get(f"/fr/adherer/suivi/{application.token}/").text
    )
    assert client.get("/en/join/status/not-a-token/").status_code == 404


@pytest.mark.parametrize(
    ("field", "upload", "message"),
    [
        ("annual_report_1", image_file("report.pdf"), "not a PDF document"),
        ("annual_report_2", SimpleUploadedFile("empty.pdf", b"", "application/pdf"), "empty"),
        ("reference_letter", pdf_file(size=11 * 1024 * 1024), "documents may be at most"),
    ],
)
def test_bad_documents_are_refused_with_a_message(client, category, field, upload, message):
    response = client.post("/en/join/", application_data(category, **{field: upload}))

    assert response.status_code == 200
    assert message in response.text
    assert "There is a problem" in response.text
    assert not Application.objects.exists()


def test_missing_consent_is_refused_and_the_values_kept(client, category):
    data = application_data(category)
    del data["consent"]

    response = client.post("/en/join/", data)

    assert "Please agree to the privacy notice" in response.text
    assert 'value="Lien Familial"' in response.text
    assert 'href="#id_consent"' in response.text
    assert not Application.objects.exists()


def test_honeypot_drops_the_sending_silently(client, category, mailoutbox):
    response = client.post("/en/join/", application_data(category, nickname="buy now"))

    assert response.status_code == 302
    assert not Application.objects.exists()
    assert mailoutbox == []


def test_a_form_sent_faster_than_a_person_could_is_refused(client, category):
    response = client.post("/en/join/", application_data(category, started=started(0)))

    assert "sent too quickly" in response.text
    assert not Application.objects.exists()


def test_sendings_are_limited_per_client_address_and_what_was_typed_is_kept(client, category):
    for number in range(3):
        client.post("/en/join/", application_data(category, organisation=f"Org {number}"))

    response = client.post("/en/join/", application_data(category, organisation="Fourth"))

    assert response.status_code == 429
    assert "sent from your network too often" in response.text
    assert 'value="Fourth"' in response.text
    assert "Received: 2024.pdf" in response.text
    assert Application.objects.count() == 3


def test_mistakes_from_one_address_do_not_lock_the_others_out(client, category):
    for _ in range(10):  # a busy office behind one address, mistyping
        client.post("/en/join/", application_data(category, contact_email="not an address"))

    response = client.post("/en/join/", application_data(category))

    assert response.status_code == 302
    assert Application.objects.count() == 1


def test_robots_are_stopped_after_many_refused_sendings(client, category):
    for _ in range(15):
        client.post("/en/join/", application_data(category, contact_email="not an address"))

    response = client.post("/en/join/", application_data(category))

    assert response.status_code == 429
    assert not Application.objects.exists()


def test_valid_documents_are_kept_when_the_form_comes_back(client, category):
    data = application_data(category, contact_email="not an address")
    data["annual_report_2"] = image_file("scan.pdf")

    first = client.post("/en/join/", data)

    assert "Received: 2024.pdf (2.0\xa0KB)" in first.text
    assert "Received: ref.pdf" in first.text
    assert "Received: scan.pdf" not in first.text
    assert "not a PDF document" in first.text
    tokens = held_tokens(first.text)
    assert sorted(tokens) == ["annual_report_1", "reference_letter"]

    data = application_data(category, annual_report_2=pdf_file("2023.pdf"))
    del data["annual_report_1"], data["reference_letter"]
    second = client.post("/en/join/", {**data, **{f"{n}-held": t for n, t in tokens.items()}})

    assert second.status_code == 302
    application = Application.objects.get()
    assert application.annual_report_1.read().startswith(b"%PDF-")
    assert application.reference_letter.size == pdf_file().size


def test_a_forged_or_stale_reference_to_a_kept_file_is_ignored(client, category):
    data = application_data(category)
    del data["annual_report_1"]
    data["annual_report_1-held"] = "forged"

    response = client.post("/en/join/", data)

    assert response.status_code == 200
    assert "This field is required" in response.text
    assert not Application.objects.exists()


def test_a_non_staff_user_cannot_read_a_document(client, admin_client, category):
    client.post("/en/join/", application_data(category))
    application = Application.objects.get()
    url = f"/admin/members/application/{application.pk}/document/annual_report_1/"

    assert client.get(url).status_code == 302  # to sign in
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url)["Content-Type"] == "application/pdf"
    assert admin_client.get(url.replace("annual_report_1", "contact_email")).status_code == 403


# One token per display of the form, used once: a double click stores one application.


def form_page_token(html):
    return re.search(r'name="started" value="([^"]+)"', html).group(1)


def test_a_double_click_stores_one_application_and_shows_its_page(client, category, mailoutbox):
    token = started()

    first = client.post("/en/join/", application_data(category, started=token))
    second = client.post("/en/join/", application_data(category, started=token), follow=True)

    application = Application.objects.get()
    assert first["Location"] == "/en/join/thanks/"
    assert second.redirect_chain == [("/en/join/thanks/", 302)]
    assert f'href="{application.get_absolute_url()}"' in second.text
    assert len(mailoutbox) == 2  # one acknowledgement, one notice to staff


def test_the_second_click_shows_the_first_ones_page_in_another_session(client, category):
    """The thank-you page of the application comes from the sending itself, so a click
    that arrives without the first one's session cookie shows it too."""
    token = started()
    client.post("/en/join/", application_data(category, started=token))
    client.cookies.clear()

    second = client.post("/en/join/", application_data(category, started=token), follow=True)

    assert "Follow your application" in second.text
    assert Application.objects.count() == 1


def test_a_click_while_the_first_is_still_being_stored_stores_nothing(
    client, category, monkeypatch
):
    """A double click whose second post arrives before the first is stored: here the
    second is sent while the first stores its application, and the first never ends
    while the second waits, so the second says the form is still being sent."""
    monkeypatch.setattr("cpe_network.lib.antispam.REPLAY_WAIT_SECONDS", 0.3)
    token = started()
    second = []
    acknowledge = Application.send_acknowledgements

    def send_acknowledgements(application):
        if not second:
            second.append(client.post("/en/join/", application_data(category, started=token)))
        acknowledge(application)

    monkeypatch.setattr(Application, "send_acknowledgements", send_acknowledgements)

    first = client.post("/en/join/", application_data(category, started=token))

    assert first.status_code == 302
    assert "This form is still being sent" in second[0].text
    assert Application.objects.count() == 1


def test_a_used_token_does_not_store_other_applications(client, category):
    """One token once served hundreds of posts: now it serves one."""
    token = started()
    client.post("/en/join/", application_data(category, started=token))

    responses = [
        client.post("/en/join/", application_data(category, organisation=f"Org {n}", started=token))
        for n in range(3)
    ]

    assert [r.status_code for r in responses] == [200, 200, 200]
    assert "This form has already been sent once" in responses[0].text
    assert Application.objects.count() == 1


def test_after_a_used_token_is_refused_the_page_sends_a_new_application(client, category, settings):
    settings.FORM_MIN_SECONDS = 0  # the page's new token starts the clock again
    token = started()
    client.post("/en/join/", application_data(category, started=token))
    refused = client.post(
        "/en/join/", application_data(category, organisation="Second Org", started=token)
    )
    new_token = form_page_token(refused.text)
    assert new_token != token
    assert 'value="Second Org"' in refused.text
    assert "Received: 2024.pdf" in refused.text
    data = application_data(category, organisation="Second Org")
    del data["annual_report_1"], data["annual_report_2"], data["reference_letter"]
    data |= {f"{name}-held": t for name, t in held_tokens(refused.text).items()}
    data["started"] = new_token

    response = client.post("/en/join/", data)

    assert response.status_code == 302
    assert sorted(Application.objects.values_list("organisation", flat=True)) == [
        "Lien Familial",
        "Second Org",
    ]


def test_a_form_sent_back_with_errors_keeps_its_token(client, category):
    token = started()
    refused = client.post(
        "/en/join/", application_data(category, contact_email="not an address", started=token)
    )
    assert form_page_token(refused.text) == token

    response = client.post("/en/join/", application_data(category, started=token))

    assert response.status_code == 302
    assert Application.objects.count() == 1
