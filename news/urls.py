from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import feeds, views

app_name = "news"

POST, EVENT = {"kind": "post"}, {"kind": "event"}

urlpatterns = [
    path(_("news/"), views.post_list, name="list"),
    path(_("news/feed/"), feeds.LatestNews(), name="feed"),
    path(_("news/<slug:slug>/"), views.post_detail, name="detail"),
    path(_("events/"), views.event_list, name="events"),
    path(_("events/calendar.ics"), views.calendar, name="calendar"),
    path(_("events/<slug:slug>.ics"), views.event_calendar, name="event_calendar"),
    path(_("events/<slug:slug>/"), views.event_detail, name="event"),
    # Members' items: sent from the portal, changed there until published.
    path(_("portal/<slug:slug>/news/new/"), views.submission, POST, name="submit_post"),
    path(_("portal/<slug:slug>/events/new/"), views.submission, EVENT, name="submit_event"),
    path(_("portal/<slug:slug>/news/<int:pk>/"), views.submission, POST, name="edit_post"),
    path(_("portal/<slug:slug>/events/<int:pk>/"), views.submission, EVENT, name="edit_event"),
]
