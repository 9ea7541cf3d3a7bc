"""Dates and times in each language's house style (cpe_network/lib/dates.py):
{{ post.publish_at|long_date }} "9 January 2027", "1er janvier 2027";
{{ event.start|weekday_date }} "lundi 1er février 2027"; {{ event.start|clock }} "14 h 30";
{{ event.start|short_month }} "janv."; {% range_dash "time" %}; {{ event|event_zone }}
"heure de Paris (UTC+1)"; {% event_when event %}, an event's dates and times on one line of
text, for emails."""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from cpe_network.lib import dates

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def long_date(value):
    return dates.long_date(value)


@register.filter(expects_localtime=True, is_safe=False)
def weekday_date(value):
    return dates.long_date(value, weekday=True)


@register.filter(expects_localtime=True, is_safe=False)
def day_number(value):
    return dates.day_number(value)


@register.filter(expects_localtime=True, is_safe=False)
def clock(value):
    return dates.clock(value)


@register.filter(expects_localtime=True, is_safe=False)
def short_month(value):
    return dates.short_month(value)


@register.simple_tag
def day_range(start, end):
    """Two days as one range, each end a `<time>`: "4–6 December 2026", "du 4 au 6
    décembre 2026" (the dates in the event's zone: use inside {% timezone %})."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    before, first, between, last = dates.day_range(start, end)
    return format_html(
        '{}<time datetime="{}">{}</time>{}<time datetime="{}">{}</time>',
        before,
        start.date().isoformat(),
        first,
        between,
        end.date().isoformat(),
        last,
    )


@register.simple_tag
def range_dash(kind="date"):
    return dates.range_dash(kind)


@register.filter
def event_zone(event):
    """The event's time zone in words, with its offset when the event starts."""
    return dates.zone_name(event.time_zone, event.start)


@register.simple_tag
def event_when(event):
    """An event's dates, and times unless it lasts all day, as one line of plain text
    (emails): "1er février 2027, 14 h – 17 h, heure de Paris (UTC+1)"."""
    start, end = event.local_start, event.local_end
    if event.all_day:
        if event.is_multi_day:
            return "".join(dates.day_range(start, end))
        return dates.long_date(start)
    zone = dates.zone_name(event.time_zone, event.start)
    if event.is_multi_day:
        first = f"{dates.long_date(start)}, {dates.clock(start)}"
        return f"{first}{dates.range_dash()}{dates.long_date(end)}, {dates.clock(end)}, {zone}"
    times = f"{dates.clock(start)}{dates.range_dash('time')}{dates.clock(end)}"
    return f"{dates.long_date(start)}, {times}, {zone}"
