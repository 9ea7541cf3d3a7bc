"""Values found by the fuzz suite (tests/test_fuzz.py) that once broke a page, each
checked here on its own, as a person or a script could send it."""

import pytest

from members.models import Member
from tests.forms import profile_data

pytestmark = pytest.mark.django_db

# One less than the smallest number a 64-bit column holds.
TOO_SMALL = "-9223372036854775809"


@pytest.mark.parametrize("number", [TOO_SMALL, "9223372036854775808", "1" * 40])
def test_a_choice_numbered_past_what_the_database_holds_is_refused(rep_client, relais, number):
    """A topic (a choice of several, by number) the database could not hold is refused
    like any unknown one: SQLite cannot take such a number in a query at all."""
    response = rep_client.post(
        "/en/portal/relais-lyon/profile/", profile_data(relais, topics=[number])
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not Member.objects.get(pk=relais.pk).topics.exists()
