from datetime import date, timedelta
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from pages import pagecache
from pages.templatetags.site import site_name

from .models import Post


class LatestNews(Feed):
    """The latest news, in the language of the address it is read at."""

    description = _("News from the network and its members.")

    def title(self):
        return f"{site_name()}: {_('News')}"

    # Absolute addresses from SITE_URL, like the emails: the Site row may not match.
    def link(self):
        return settings.SITE_URL + reverse("news:list")

    def feed_url(self):
        """The feed's own address (atom:link rel="self")."""
        return settings.SITE_URL + reverse("news:feed")

    def item_link(self, post):
        return settings.SITE_URL + post.get_absolute_url()

    def items(self):
        return Post.objects.published()[:20]

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        return post.summary or post.body_html

    def item_pubdate(self, post):
        return post.publish_at

    def item_updateddate(self, post):
        return post.updated_at


def calendar_response(events, *, filename):
    """Events as an iCalendar file (RFC 5545) in the current language: each with a
    stable UID, a DTSTAMP, and its times in its own zone (with the zone's definition),
    or as dates for all-day events. Written once per file and language while nothing
    changes (the zones' definitions, a dozen years of clock changes each, took most of
    the time), and again when an event starts or ends (pagecache.seconds_to_keep)."""
    body = pagecache.remembered(
        "calendar", filename, get_language(), compute=lambda: _calendar(events).to_ical()
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _calendar(events):
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//{get_language()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{site_name()}: {_('Events')}")
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", f"event-{event.pk}@{host}")
        entry.add("dtstamp", event.updated_at)
        entry.add("last-modified", event.updated_at)
        if event.all_day:
            entry.add("dtstart", event.local_start.date())
            entry.add("dtend", event.local_end.date() + timedelta(days=1))
        else:
            entry.add("dtstart", event.local_start)
            entry.add("dtend", event.local_end)
        entry.add("summary", event.title)
        link = settings.SITE_URL + event.get_absolute_url()
        entry.add("url", link)
        entry.add("description", "\n\n".join(filter(None, [event.summary, link])))
        place = ", ".join(
            str(part) for part in (event.venue, event.city, event.country.name) if part
        )
        if place or event.online_url:
            entry.add("location", place or event.online_url)
        calendar.add_component(entry)
    calendar.add_missing_timezones(first_date=date.today() - timedelta(days=366))
    return calendar
