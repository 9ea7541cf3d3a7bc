"""Dates people type: a year outside FIRST_YEAR to LAST_YEAR is refused with a message.

Python's dates stop at the years 1 and 9999, so a date near either end can overflow when it
is shown in another time zone (31/12/9999 23:30 in the Azores is year 10000 in UTC) and
fail the page that shows it. No event, news item or membership needs such a year; the
forms refuse it, and the database refuses to keep it (`dates_in_range`), whatever the way in.
"""

from datetime import UTC, datetime, timedelta

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

FIRST_YEAR, LAST_YEAR = 1900, 2100

# What the database keeps: the years above in any time zone (no zone is a day or more
# away from UTC), so a day's margin either side in UTC.
EARLIEST = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC) - timedelta(days=1)
LATEST = datetime(LAST_YEAR + 1, 1, 1, tzinfo=UTC) + timedelta(days=1)


def validate_year(value):
    """A date, or a date and time, in FIRST_YEAR to LAST_YEAR (in its own time zone)."""
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            _("Give a year between %(first)s and %(last)s."),
            code="year",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )


def dates_in_range(*fields, name):
    """A database check that each of the date and time `fields` is in the range. The
    fields' validators refuse first, with a message, so people never meet this one."""
    condition = models.Q()
    for field in fields:
        condition &= models.Q(**{f"{field}__gte": EARLIEST, f"{field}__lt": LATEST})
    return models.CheckConstraint(condition=condition, name=name)


class YearRangeChangeList(ChangeList):
    """The admin's list, whose drill-down by date (`date_hierarchy`) takes its year from the
    address: a year the database cannot hold is refused as any other bad filter is (the
    list opens again with a warning) instead of failing. Django 6.1 lets the years 1 and
    9999 through (fixed in Django by ticket #37357, for 9999 only)."""

    def get_filters(self, request):
        if self.date_hierarchy:
            year = request.GET.get(f"{self.date_hierarchy}__year")
            if year is not None and not (
                year.isdigit() and EARLIEST.year <= int(year) <= LATEST.year
            ):
                raise IncorrectLookupParameters(f"year out of range: {year[:10]}")
        return super().get_filters(request)
