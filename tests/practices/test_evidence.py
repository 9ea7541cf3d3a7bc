import datetime
import re

import pytest
from django.utils import timezone

from tests.factories import PracticeFactory, TopicFactory, bulk_practices

pytestmark = pytest.mark.django_db

RATINGS = ["well-supported", "promising", "mixed", "did-not-work", "not-evaluated"]


def table(response):
    """The overview as {row label: [the numbers of its cells, "All" last]}."""
    body = response.text.split("<table", 1)[1].split("</table>", 1)[0]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)[1:]:
        label = re.search(r'<th scope="row"><a href="[^"]*">([^<]+)</a>', row).group(1)
        cells = re.findall(r'<td class="numeric">\s*(?:<a href="[^"]*">)?(\d+)', row)
        rows[label] = [int(cell) for cell in cells]
    return rows


@pytest.fixture
def evidence():
    visits = TopicFactory(slug="prison-visits", name_en="Prison visits", name_fr="Parloirs")
    schools = TopicFactory(slug="schools", name_en="Schools", name_fr="Écoles")
    TopicFactory(slug="media", name_en="Media", name_fr="Médias")  # no practice yet
    PracticeFactory(topics=[visits], rating="well-supported")
    PracticeFactory(topics=[visits, schools], rating="well-supported")
    PracticeFactory(topics=[schools], rating="promising")
    PracticeFactory(topics=[schools], rating="did-not-work")
    PracticeFactory(topics=[], rating="not-evaluated")
    PracticeFactory(topics=[visits], rating="mixed", status="draft")
    PracticeFactory(
        topics=[visits], rating="mixed", publish_at=timezone.now() + datetime.timedelta(days=1)
    )


def test_overview_counts_practices_by_topic_and_rating(client, evidence):
    assert table(client.get("/en/practices/evidence/")) == {
        "Media": [0, 0, 0, 0, 0, 0],
        "Prison visits": [2, 0, 0, 0, 0, 2],
        "Schools": [1, 1, 0, 1, 0, 3],
        "All practices": [2, 1, 0, 1, 1, 5],
    }


def test_overview_in_french(client, evidence):
    response = client.get("/fr/pratiques/donnees-probantes/")

    assert table(response)["Écoles"] == [1, 1, 0, 1, 0, 3]
    assert "Toutes les pratiques" in response.text


def test_each_number_links_to_the_list_of_the_practices_it_counts(client, evidence):
    response = client.get("/en/practices/evidence/")
    links = re.findall(r'<a href="(/en/practices/\?[^"]+)">(\d+)<span', response.text)

    assert ("/en/practices/?topic=schools&amp;rating=promising", "1") in links
    assert ("/en/practices/?rating=well-supported", "2") in links
    for url, count in links:
        listed = client.get(url.replace("&amp;", "&"))
        found = re.search(r'class="results__count">\s*(\d+)', listed.text).group(1)
        assert (url, found) == (url, count)


def test_zero_is_not_a_link_to_an_empty_list(client, evidence):
    response = client.get("/en/practices/evidence/")

    assert "topic=media&amp;rating=" not in response.text


def test_overview_explains_the_scale_where_practice_pages_link(client, evidence):
    response = client.get("/en/practices/evidence/")
    scale = response.text.split('id="scale"', 1)[1]

    for label in [
        "Well supported by evaluation",
        "Promising",
        "Mixed results",
        "Did not work",
        "Not evaluated",
        "Randomised or controlled study",
        "Before-after study",
        "Qualitative study",
        "Monitoring data",
    ]:
        assert label in scale


def test_overview_scale_in_french(client, evidence):
    scale = client.get("/fr/pratiques/donnees-probantes/").text.split('id="scale"', 1)[1]

    assert "Étude randomisée ou contrôlée" in scale


def test_overview_query_count_does_not_grow_with_practices(
    client, db, django_assert_max_num_queries
):
    topics = [TopicFactory(slug=f"topic-{n}") for n in range(3)]
    bulk_practices(10, topics=topics[:2])
    with django_assert_max_num_queries(6) as small:
        client.get("/en/practices/evidence/")
    for n, rating in enumerate(RATINGS):
        bulk_practices(198, start=10 + 198 * n, topics=topics[n % 3 :], rating=rating)

    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/en/practices/evidence/")

    assert table(response)["All practices"][-1] == 1000
