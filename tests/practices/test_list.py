import datetime
import importlib
import re
from urllib.parse import parse_qsl, urlencode

import pytest
from django.utils import timezone

from members.models import Member
from practices.models import Practice
from tests.factories import (
    AdaptationFactory,
    MemberFactory,
    PracticeFactory,
    TopicFactory,
    bulk_practices,
)

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(
        r'class="practice-card__title"[^>]*>\s*<a href="[^"]+">([^<]+)</a>', response.text
    )


def result_count(response):
    return int(re.search(r'class="results__count">\s*(\d+)', response.text).group(1))


@pytest.fixture
def library():
    """Three published practices, and one draft and one scheduled that no list shows."""
    visits = TopicFactory(slug="prison-visits", name_en="Prison visits", name_fr="Parloirs")
    schools = TopicFactory(slug="schools", name_en="Schools", name_fr="Écoles")
    now = timezone.now()
    rooms = PracticeFactory(
        title_en="Visiting rooms",
        title_fr="Salles de visite",
        summary_en="Friendly rooms for children.",
        summary_fr="Des salles accueillantes.",
        kind="programme",
        countries=["FR"],
        topics=[visits],
        age_groups=["6-11"],
        setting=["prison"],
        rating="well-supported",
        start_year=2010,
        end_year=2015,
        publish_at=now - datetime.timedelta(days=3),
    )
    books = PracticeFactory(
        title_en="Story books",
        title_fr="Albums à lire",
        summary_en="Books that explain prison.",
        summary_fr="Des livres qui expliquent la prison.",
        kind="project",
        countries=["DE"],
        topics=[schools],
        age_groups=["0-5", "6-11"],
        setting=["community", "school"],
        rating="promising",
        start_year=2018,
        end_year=None,
        publish_at=now - datetime.timedelta(days=2),
    )
    AdaptationFactory(practice=books, country="PT", year=2021)
    PracticeFactory(
        title_en="Helpline study",
        title_fr="",  # English only: French readers see the English title
        summary_en="What families ask a helpline.",
        summary_fr="",
        kind="research",
        countries=[],
        worldwide=True,
        topics=[visits, schools],
        age_groups=["12-17"],
        setting=["online"],
        rating="not-evaluated",
        start_year=None,
        publish_at=now - datetime.timedelta(days=1),
    )
    PracticeFactory(title_en="Draft practice", status="draft", countries=["FR"])
    PracticeFactory(
        title_en="Scheduled practice",
        countries=["FR"],
        publish_at=now + datetime.timedelta(days=2),
    )
    return rooms, books


def test_list_shows_published_practices_newest_first(client, library):
    response = client.get("/en/practices/")

    assert titles(response) == ["Helpline study", "Story books", "Visiting rooms"]


def test_list_in_french_shows_french_titles_or_the_english_fallback(client, library):
    response = client.get("/fr/pratiques/")

    assert titles(response) == ["Helpline study", "Albums à lire", "Salles de visite"]


def test_drafts_and_scheduled_practices_are_never_listed(client, library):
    response = client.get("/en/practices/?country=FR")

    assert titles(response) == ["Visiting rooms"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=project", ["Story books"]),
        ("country=FR", ["Visiting rooms"]),
        ("country=PT", ["Story books"]),  # adapted there
        ("country=FR&country=DE", ["Story books", "Visiting rooms"]),
        ("topic=schools", ["Helpline study", "Story books"]),
        ("topic=schools&topic=prison-visits", ["Helpline study", "Story books", "Visiting rooms"]),
        ("age=0-5", ["Story books"]),
        ("age=6-11", ["Story books", "Visiting rooms"]),
        ("setting=school", ["Story books"]),
        ("rating=well-supported", ["Visiting rooms"]),
        ("rating=not-evaluated", ["Helpline study"]),
        ("adapted=yes", ["Story books"]),
        ("reach=several", ["Helpline study", "Story books"]),  # worldwide; adapted
        ("from=2016", ["Story books"]),  # still going on
        ("to=2012", ["Visiting rooms"]),
        ("from=2012&to=2013", ["Visiting rooms"]),
        ("from=2019&to=2011", ["Story books", "Visiting rooms"]),  # read as 2011 to 2019
        ("from=2016&to=2017", []),
        ("q=friendly", ["Visiting rooms"]),
        ("q=STORY", ["Story books"]),
        ("q=helpline", ["Helpline study"]),
    ],
)
def test_each_filter_alone(client, library, query, expected):
    assert titles(client.get(f"/en/practices/?{query}")) == expected


def test_filters_combine(client, library):
    response = client.get("/en/practices/?topic=schools&age=6-11&country=PT&rating=promising")

    assert titles(response) == ["Story books"]


@pytest.mark.parametrize("query", ["", "kind=project", "kind=research&topic=schools", "age=6-11"])
def test_the_number_of_results_is_the_number_of_practices_listed(client, library, query):
    response = client.get(f"/en/practices/?{query}")

    assert result_count(response) == len(titles(response))


def test_combined_filters_that_exclude_each_other_find_nothing(client, library):
    response = client.get("/en/practices/?country=FR&rating=promising")

    assert titles(response) == []


def test_search_reads_both_languages_and_shows_the_page_s(client, library):
    assert titles(client.get("/fr/pratiques/?q=accueillantes")) == ["Salles de visite"]
    # Names of things are often typed in English on French pages: found, shown in French.
    assert titles(client.get("/fr/pratiques/?q=friendly")) == ["Salles de visite"]


def test_french_search_reads_the_english_text_where_there_is_no_french(client, library):
    assert titles(client.get("/fr/pratiques/?q=helpline")) == ["Helpline study"]


def facet_links(response):
    """Each value offered in the filter panel, with its count: [(name, value, count)]."""
    return re.findall(
        r'name="(\w+)" value="([^"]+)" id="[^"]+"(?: checked)?>\s*'
        r'<label [^>]+>[^<]*<span class="count">\((\d+)\)',
        response.text,
    )


@pytest.mark.parametrize(
    "query",
    ["", "country=FR", "topic=schools&age=6-11", "rating=promising", "reach=several&age=6-11"],
)
def test_each_count_is_the_number_of_practices_its_filter_leads_to(client, library, query):
    response = client.get(f"/en/practices/?{query}")
    chosen = parse_qsl(query)
    offered = facet_links(response)

    assert len(offered) > 5  # the panel was read
    for name, value, count in offered:
        if (name, value) in chosen:
            continue
        # A value counts the practices it finds with the other filters as they are (as
        # the only value chosen of its own filter).
        others = [(n, v) for n, v in chosen if n != name]
        led_to = client.get(f"/en/practices/?{urlencode([*others, (name, value)])}")
        assert (name, value, len(titles(led_to))) == (name, value, int(count))
        assert result_count(led_to) == int(count)


def test_the_panel_offers_countries_where_practices_were_adapted(client, library):
    assert ("country", "PT", "1") in facet_links(client.get("/en/practices/"))


def test_the_panel_names_its_values_in_french(client, library):
    response = client.get("/fr/pratiques/")

    assert "Allemagne" in response.text
    assert "Écoles" in response.text


def test_each_french_filter_offers_an_all_that_agrees_with_its_noun(client, library):
    html = client.get("/fr/pratiques/").text

    assert '<label for="rating-any">Tous les niveaux de preuve</label>' in html
    assert '<label for="age-any">Tous les âges</label>' in html


def test_sort_by_title(client, library):
    assert titles(client.get("/en/practices/?sort=title")) == [
        "Helpline study",
        "Story books",
        "Visiting rooms",
    ]


def test_sort_by_title_in_french_sorts_the_titles_shown(client, library):
    assert titles(client.get("/fr/pratiques/?sort=title")) == [
        "Albums à lire",
        "Helpline study",
        "Salles de visite",
    ]


def test_sort_by_title_in_french_ignores_accents_case_and_opening_quotes(client):
    for title in ("Une ligne d’écoute", "« Moi aussi »", "écrans partagés", "Ateliers"):
        PracticeFactory(title_fr=title, title_en="")
    response = client.get("/fr/pratiques/?sort=title")
    assert titles(response) == [
        "Ateliers",
        "écrans partagés",
        "« Moi aussi »",
        "Une ligne d’écoute",
    ]


def test_sort_by_evidence_puts_the_strongest_first(client, library):
    assert titles(client.get("/en/practices/?sort=evidence")) == [
        "Visiting rooms",
        "Story books",
        "Helpline study",
    ]


def test_sort_is_kept_by_the_filter_form(client, library):
    response = client.get("/en/practices/?sort=evidence")

    assert '<input type="hidden" name="sort" value="evidence">' in response.text


def test_active_filters_are_chips_that_remove_themselves(client, library):
    response = client.get("/en/practices/?country=FR&country=DE&q=rooms&from=2012")

    assert 'href="?country=DE&amp;q=rooms&amp;from=2012"' in response.text  # without France
    assert 'href="?country=FR&amp;country=DE&amp;from=2012"' in response.text  # without the words
    assert 'href="?country=FR&amp;country=DE&amp;q=rooms"' in response.text  # without the year
    assert "From 2012" in response.text


def test_empty_list_suggests_removing_each_filter(client, library):
    response = client.get("/en/practices/?country=FR&rating=promising")

    assert "No practice matches these filters." in response.text
    assert 'href="?rating=promising">Remove the filter: France' in response.text
    assert 'href="?country=FR">Remove the filter: Promising' in response.text
    assert 'href="/en/practices/">Show all practices' in response.text


def test_export_links_carry_the_filters(client, library):
    response = client.get("/en/practices/?country=FR&sort=title&page=1")

    assert 'href="/en/practices/practices.csv?country=FR&amp;sort=title"' in response.text
    assert 'href="/en/practices/practices.json?country=FR&amp;sort=title"' in response.text


def test_list_links_to_the_overview_of_the_evidence(client, library):
    assert 'href="/fr/pratiques/donnees-probantes/"' in client.get("/fr/pratiques/").text


def test_main_navigation_leads_to_the_practices(client, library):
    response = client.get("/fr/")

    assert re.search(r'href="/fr/pratiques/"\s*>\s*Pratiques', response.text)


def test_pagination_shows_twenty_practices_a_page(client, db):
    bulk_practices(25)

    first = client.get("/en/practices/")
    second = client.get("/en/practices/?page=2")

    assert len(titles(first)) == 20
    assert titles(second) == [f"Bulk practice {n:05d}" for n in range(20, 25)]
    assert 'href="?page=2"' in first.text


def test_pagination_keeps_the_filters(client, db):
    bulk_practices(25, countries=["FR"])

    response = client.get("/en/practices/?country=FR&sort=title")

    assert 'href="?country=FR&amp;sort=title&amp;page=2"' in response.text


@pytest.mark.parametrize(
    "query",
    [
        "country=ZZZ&from=abc&sort=drop&page=x&topic=<script>",
        "from=99999&to=-1&age=old&setting=moon&rating=best&adapted=maybe&kind=%00",
        "reach=all&member=%00&member=<script>&member=" + "x" * 300,
        "member=no-such-member&member=&member=a%20b",
        "q=" + "x" * 500,
        "page=999999&sort=",
        "country=FR&country=&topic=&topic=schools",
    ],
)
def test_junk_parameters_show_a_list_not_an_error(client, library, query):
    response = client.get(f"/en/practices/?{query}")

    assert response.status_code == 200
    assert "<script>" not in response.text.split("</header>", 1)[1]


def test_junk_parameters_are_ignored(client, library):
    response = client.get("/en/practices/?country=ZZZ&from=abc&sort=drop&page=x&topic=<script>")

    assert titles(response) == ["Helpline study", "Story books", "Visiting rooms"]


def test_list_query_count_does_not_grow_with_practices(client, db, django_assert_max_num_queries):
    topic = TopicFactory(slug="visits")
    bulk_practices(10, topics=[topic])
    with django_assert_max_num_queries(15) as small:
        client.get("/en/practices/")
    bulk_practices(990, start=10, topics=[topic], countries=["FR", "DE"], age_groups=["0-5"])

    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/en/practices/?page=3")

    assert len(titles(response)) == 20


def test_filtered_list_query_count_does_not_grow_with_practices(
    client, db, django_assert_max_num_queries
):
    topic = TopicFactory(slug="visits")
    query = "/en/practices/?country=FR&rating=promising&topic=visits&age=6-11&sort=evidence"
    bulk_practices(10, topics=[topic])
    with django_assert_max_num_queries(15) as small:
        client.get(query)
    bulk_practices(990, start=10, topics=[topic], setting=["school", "online"])

    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(query + "&page=2")

    assert len(titles(response)) == 20


# The filter panel's counts are kept in the cache while no practice changes: every
# change is seen at once.


def country_count(client, code):
    response = client.get("/en/practices/")
    found = re.search(
        rf'value="{code}"[^>]*>\s*<label[^>]*>[^<]*<span class="count">\((\d+)\)', response.text
    )
    return int(found.group(1)) if found else 0


def test_a_new_practice_is_counted_at_once(client):
    PracticeFactory(countries=["FR"])
    assert country_count(client, "FR") == 1
    PracticeFactory(countries=["FR"])
    assert country_count(client, "FR") == 2


def test_an_adaptation_published_is_counted_at_once(client):
    practice = PracticeFactory(countries=["FR"])
    assert country_count(client, "PT") == 0
    adaptation = AdaptationFactory(practice=practice, country="PT", status="submitted")
    assert country_count(client, "PT") == 0
    adaptation.publish()
    assert country_count(client, "PT") == 1


def test_a_topic_given_to_a_practice_is_counted_at_once(client):
    practice = PracticeFactory()
    schools = TopicFactory(slug="schools", name_en="Schools")
    assert 'value="schools"' not in client.get("/en/practices/").text
    practice.topics.add(schools)
    assert 'value="schools"' in client.get("/en/practices/").text
    schools.practices.remove(practice)
    assert 'value="schools"' not in client.get("/en/practices/").text


def test_a_scheduled_practice_is_counted_when_its_day_comes(client, monkeypatch):
    PracticeFactory(countries=["FR"])
    PracticeFactory(countries=["FR"], publish_at=timezone.now() + datetime.timedelta(days=1))
    assert country_count(client, "FR") == 1
    tomorrow = timezone.now() + datetime.timedelta(days=1, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    assert country_count(client, "FR") == 2


def test_an_unpublished_practice_is_no_longer_counted(client):
    PracticeFactory(countries=["FR"])
    other = PracticeFactory(countries=["FR"])
    assert country_count(client, "FR") == 2
    type(other).objects.filter(pk=other.pk).update(status="draft")  # the admin's action
    assert country_count(client, "FR") == 1


def test_a_card_says_an_ongoing_practice_runs_since_its_first_year(client):
    PracticeFactory(title_fr="Des parloirs", start_year=2012, end_year=None)
    PracticeFactory(title_fr="Un atelier", start_year=2015, end_year=2018)
    text = client.get("/fr/pratiques/").text
    assert "depuis 2012" in text
    assert "2015–2018" in text


# Practices used in more than one country: their own countries, their published
# adaptations' or worldwide.


def test_used_in_several_countries_counts_own_countries_adaptations_and_worldwide(client, db):
    PracticeFactory(title_en="Two countries", countries=["FR", "BE"])
    PracticeFactory(title_en="Worldwide", countries=[], worldwide=True)
    adapted = PracticeFactory(title_en="Adapted elsewhere", countries=["FR"])
    AdaptationFactory(practice=adapted, country="DE")
    again = PracticeFactory(title_en="Adapted at home", countries=["FR"])
    AdaptationFactory(practice=again, country="FR")
    waiting = PracticeFactory(title_en="Adaptation waiting", countries=["FR"])
    AdaptationFactory(practice=waiting, country="IT", status="submitted")
    PracticeFactory(title_en="One country", countries=["FR"])

    several = client.get("/en/practices/?reach=several")
    adapted_only = client.get("/en/practices/?adapted=yes")

    assert sorted(titles(several)) == ["Adapted elsewhere", "Two countries", "Worldwide"]
    assert result_count(several) == 3
    assert titles(adapted_only) == ["Adapted elsewhere"]
    assert ("reach", "several", "3") in facet_links(client.get("/en/practices/"))


def test_used_in_several_countries_follows_changes_at_once(client, db):
    practice = PracticeFactory(title_en="Moving", countries=["FR"])
    assert titles(client.get("/en/practices/?reach=several")) == []
    adaptation = AdaptationFactory(practice=practice, country="DE", status="submitted")
    assert titles(client.get("/en/practices/?reach=several")) == []
    adaptation.publish()
    assert titles(client.get("/en/practices/?reach=several")) == ["Moving"]
    adaptation.delete()
    assert titles(client.get("/en/practices/?reach=several")) == []
    practice.worldwide = True
    practice.save()
    assert titles(client.get("/en/practices/?reach=several")) == ["Moving"]


def test_used_in_several_countries_combines_with_the_other_filters(client, library):
    assert titles(client.get("/en/practices/?reach=several&adapted=yes")) == ["Story books"]
    assert titles(client.get("/en/practices/?reach=several&kind=research")) == ["Helpline study"]
    assert titles(client.get("/en/practices/?reach=several&country=FR")) == []
    assert titles(client.get("/en/practices/?reach=several&country=PT")) == ["Story books"]


def test_used_in_several_countries_is_in_the_panel_and_a_chip_in_french(client, library):
    response = client.get("/fr/pratiques/?reach=several&age=6-11")

    assert "Utilisée dans plusieurs pays" in response.text
    assert 'href="?age=6-11"' in response.text  # the chip that removes it
    assert re.search(r'name="reach" value="several" id="reach-several" checked', response.text)


def test_the_rows_saved_before_are_filled_in_by_the_migration(db):
    from django.apps import apps

    from practices.models import Practice

    migration = importlib.import_module("practices.migrations.0006_several_countries")
    two = PracticeFactory(countries=["FR", "BE"])
    everywhere = PracticeFactory(countries=[], worldwide=True)
    one = PracticeFactory(countries=["FR"])
    Practice.objects.update(several_countries=False)

    migration.fill_several_countries(apps, None)

    assert set(Practice.objects.filter(several_countries=True)) == {two, everywhere}
    assert one.pk not in Practice.objects.filter(several_countries=True).values_list(
        "pk", flat=True
    )


# A member's practices: those it shared, or is named in.


@pytest.fixture
def members_practices(library):
    rooms, books = library
    relais = MemberFactory(name="Relais Lyon", slug="relais-lyon")
    kinder = MemberFactory(name="Kinder Berlin", slug="kinder-berlin")
    MemberFactory(name="Hidden", slug="hidden", published=False)
    rooms.submitted_by = relais
    rooms.save()
    books.members.add(kinder)
    hidden_practice = PracticeFactory(title_en="Hidden member's", countries=["FR"])
    hidden_practice.members.add(Member.objects.get(slug="hidden"))
    return relais, kinder


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("member=relais-lyon", ["Visiting rooms"]),  # shared it
        ("member=kinder-berlin", ["Story books"]),  # named in it
        ("member=relais-lyon&member=kinder-berlin", ["Story books", "Visiting rooms"]),
        ("member=kinder-berlin&country=FR", []),
        ("member=kinder-berlin&reach=several", ["Story books"]),
    ],
)
def test_member_filter(client, members_practices, query, expected):
    response = client.get(f"/en/practices/?{query}")

    assert titles(response) == expected
    assert result_count(response) == len(expected)


def test_member_filter_counts_the_practices_it_leads_to(client, members_practices):
    response = client.get("/en/practices/?member=relais-lyon")

    assert ("country", "FR", "1") in facet_links(response)
    assert ("country", "DE", "0") not in facet_links(response)
    assert not [link for link in facet_links(response) if link[0] == "country" and link[1] != "FR"]


def test_a_member_not_listed_or_unknown_is_dropped(client, members_practices):
    everything = titles(client.get("/en/practices/"))

    for query in ("member=hidden", "member=nobody", "member=%00", "member=hidden&member=nobody"):
        response = client.get(f"/en/practices/?{query}")
        assert response.status_code == 200
        assert titles(response) == everything
        assert "Active filters" not in response.text
    assert titles(client.get("/en/practices/?member=nobody&member=relais-lyon")) == [
        "Visiting rooms"
    ]


def test_member_filter_is_a_chip_with_its_name_and_kept_by_the_panel(client, members_practices):
    response = client.get("/en/practices/?member=relais-lyon&member=kinder-berlin&age=6-11")

    assert re.search(r'href="\?member=kinder-berlin&amp;age=6-11">.*Relais Lyon', response.text)
    assert re.search(r'href="\?member=relais-lyon&amp;age=6-11">.*Kinder Berlin', response.text)
    assert '<input type="hidden" name="member" value="relais-lyon">' in response.text
    assert '<input type="hidden" name="member" value="kinder-berlin">' in response.text


def test_a_member_named_in_a_practice_is_counted_at_once(client, members_practices):
    _relais, kinder = members_practices
    assert result_count(client.get("/en/practices/?member=kinder-berlin")) == 1
    rooms = Practice.objects.get(title_en="Visiting rooms")
    rooms.members.add(kinder)
    assert result_count(client.get("/en/practices/?member=kinder-berlin")) == 2
    kinder.practices.remove(rooms)  # from the member's side
    assert result_count(client.get("/en/practices/?member=kinder-berlin")) == 1


def test_member_filter_query_count_does_not_grow_with_practices(
    client, db, django_assert_max_num_queries
):
    member = MemberFactory(slug="busy")
    query = "/en/practices/?member=busy&reach=several&sort=evidence"
    bulk_practices(10, submitted_by=member, countries=["FR", "DE"])
    with django_assert_max_num_queries(16) as small:
        client.get(query)
    practices = bulk_practices(990, start=10, countries=["FR", "DE"])
    Practice.members.through.objects.bulk_create(
        Practice.members.through(practice=practice, member=member) for practice in practices
    )

    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(query + "&page=2")

    assert len(titles(response)) == 20
    assert result_count(response) == 1000
