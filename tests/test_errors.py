import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_client():
    with override_settings(ROOT_URLCONF="tests.urls_with_errors"):
        yield Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("path", "status", "title"),
    [
        ("/en/nowhere/", 404, "Page not found"),
        ("/fr/nulle-part/", 404, "Page introuvable"),
        ("/en/broken/", 500, "Something went wrong"),
        ("/fr/broken/", 500, "Un problème est survenu"),
        ("/en/forbidden/", 403, "Access denied"),
        ("/fr/forbidden/", 403, "Accès refusé"),
    ],
)
def test_error_page_is_the_sites_own_in_its_language_without_a_traceback(
    failing_client, path, status, title
):
    response = failing_client.get(path)

    assert response.status_code == status
    assert f"<h1>{title}</h1>" in response.text
    assert "/static/css/site.css" in response.text
    assert "Traceback" not in response.text
    assert "a bug" not in response.text


def test_bad_request_has_a_styled_page(failing_client):
    response = failing_client.get("/en/", headers={"host": "evil.example"})

    assert response.status_code == 400
    assert "<h1>Bad request</h1>" in response.text


def test_form_sent_without_its_security_token_gets_a_page_that_explains(db):
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        "/admin/login/", {"username": "x", "password": "y"}, headers={"accept-language": "fr"}
    )

    assert response.status_code == 403
    assert "<h1>Votre formulaire n’a pas pu être envoyé</h1>" in response.text


MANY_COUNTRIES = "&".join(["country=FR"] * 5000)


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize(
    ("path", "title"),
    [
        (f"/en/members/?{MANY_COUNTRIES}", "Bad request"),
        (f"/fr/membres/?{MANY_COUNTRIES}", "Requête incorrecte"),
        (f"/en/events/?{MANY_COUNTRIES}", "Bad request"),
    ],
)
def test_thousands_of_query_parameters_get_the_sites_bad_request_page(db, path, title, debug):
    with override_settings(DEBUG=debug):
        response = Client(raise_request_exception=False).get(path)

    assert response.status_code == 400
    assert f"<h1>{title}</h1>" in response.text
    assert "/static/css/site.css" in response.text
    assert "TooManyFieldsSent" not in response.text


@pytest.mark.parametrize("debug", [False, True])
def test_a_form_sent_with_thousands_of_fields_gets_the_sites_bad_request_page(db, debug):
    fields = {f"field{n}": "x" for n in range(2000)}

    with override_settings(DEBUG=debug):
        response = Client(raise_request_exception=False).post("/fr/abonnement/", fields)

    assert response.status_code == 400
    assert "<h1>Requête incorrecte</h1>" in response.text
    assert "TooManyFieldsSent" not in response.text


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/en/database-down/", "The site is briefly unavailable"),
        ("/fr/database-down/", "Le site est momentanément indisponible"),
        ("/en/database-down-in-a-template/", "The site is briefly unavailable"),
    ],
)
def test_the_database_out_of_reach_gets_a_503_page_in_the_addresss_language(
    failing_client, path, title
):
    response = failing_client.get(path)

    assert response.status_code == 503
    assert f"<h1>{title}</h1>" in response.text
    assert "/static/css/site.css" in response.text
    assert response["Retry-After"] == "30"


def test_the_503_page_is_drawn_without_the_database(failing_client, django_assert_num_queries):
    with django_assert_num_queries(0):
        failing_client.get("/en/database-down/")


def test_the_503_page_is_kept_by_no_cache(failing_client):
    response = failing_client.get("/en/database-down/")

    assert "no-store" in response["Cache-Control"]
