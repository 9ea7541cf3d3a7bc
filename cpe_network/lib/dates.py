"""Dates people type: a year outside FIRST_YEAR to LAST_YEAR is refused with a message.

Python's dates stop at the years 1 and 9999, so a date near either end can overflow when it
is shown in another time zone (31/12/9999 23:30 in the Azores is year 10000 in UTC) and
fail the page that shows it. No event, news item or membership needs such a year; the
forms refuse it, and the database refuses to keep it (`dates_in_range`), whatever the way in.
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext, pgettext
from django.utils.translation import gettext_lazy as _

from .places import city_name
from .text import fold

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


# Dates and times as each language writes them (pages/templatetags/when.py gives them to
# templates). French follows the French public service: "1er janvier 2027", "14 h",
# "14 h 30", "14 h – 17 h", with no-break spaces where a line must not break; English
# writes "9 January 2027" and "14:30".
NBSP = "\u00a0"

# Short months that cannot be mistaken for one another (juin, juil.), as the French
# public service abbreviates them.
FRENCH_SHORT_MONTHS = (
    "janv.", "févr.", "mars", "avr.", "mai", "juin",
    "juil.", "août", "sept.", "oct.", "nov.", "déc.",
)  # fmt: skip


def _french():
    return (get_language() or "en").split("-")[0] == "fr"


def day_number(value):
    """The day of the month: "1", "9"; in French "1er" for the first."""
    if value in (None, ""):
        return ""
    return "1er" if _french() and value.day == 1 else str(value.day)


def long_date(value, *, weekday=False):
    """ "9 January 2027" or "1er janvier 2027", with the day of the week first when
    `weekday`: "Monday 1 February 2027", "lundi 1er février 2027"."""
    if value in (None, ""):
        return ""
    if _french():
        text = f"{day_number(value)} {date_format(value, 'F Y')}"
    else:
        text = date_format(value, "j F Y")
    return f"{date_format(value, 'l')} {text}" if weekday else text


def day_range(start, end):
    """Two days as one range, without saying the month or the year twice, in four parts
    (before, first day, between, last day): ("", "4", "–", "6 December 2026") and
    ("du ", "4", " au ", "6 décembre 2026"); ("du ", "28 janvier", " au ", "3 février
    2027"); across years each day whole."""
    if start.year != end.year:
        first = long_date(start)
    elif start.month != end.month:
        first = f"{day_number(start)} {date_format(start, 'F')}"
    else:
        first = day_number(start)
    if _french():
        return ("du ", first, " au ", long_date(end))
    return ("", first, "–" if first.isdigit() else " – ", long_date(end))


def short_month(value):
    """The month, short: "Jan", "janv."."""
    if value in (None, ""):
        return ""
    return FRENCH_SHORT_MONTHS[value.month - 1] if _french() else date_format(value, "M")


def clock(value):
    """The time of day: "14:30" in English; "14 h 30", or "14 h" on the hour, in French."""
    if value in (None, ""):
        return ""
    if _french():
        return f"{value.hour}{NBSP}h" + (f"{NBSP}{value.minute:02d}" if value.minute else "")
    return f"{value.hour:02d}:{value.minute:02d}"


WORD_JOINER = "\u2060"


def range_dash(kind="date"):
    """The dash between the two ends of a range: "14:00–17:00" and "4 May – 6 May" in
    English; in French "14 h – 17 h", the dash kept on the line of what it follows (and
    a range of times, being short, on one line)."""
    if _french():
        # A line may break after a dash even before a no-break space (Unicode's line
        # breaking, LB12a); the word joiner keeps "14 h – 17 h" whole.
        return f"{NBSP}–{WORD_JOINER}{NBSP}" if kind == "time" else f"{NBSP}– "
    return "–" if kind == "time" else " – "


def zone_name(zone, when=None):
    """A time zone in words, from the name of its city: "Paris time (UTC+1)", "heure de
    Paris (UTC+1)", "heure d’Athènes (UTC+2)"; with the offset at `when`, if given."""
    key = str(zone)
    offset = ""
    if when is not None:
        minutes = int(when.astimezone(ZoneInfo(key)).utcoffset() / timedelta(minutes=1))
        sign = "+" if minutes >= 0 else "−"
        hours, rest = divmod(abs(minutes), 60)
        offset = f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "") if minutes else "UTC"
    if "/" not in key:
        return offset or key
    language = "fr" if _french() else "en"
    city = city_name(key.rsplit("/", 1)[1].replace("_", " "), language)
    if language == "fr" and fold(city)[:1] in set("aeiouyh"):
        name = pgettext("time zone, before a vowel", "%(city)s time") % {"city": city}
    else:
        name = gettext("%(city)s time") % {"city": city}
    return f"{name} ({offset})" if offset else name
