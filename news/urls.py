from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import feeds, views

app_name = "news"

urlpatterns = [
    path(_("news/"), views.post_list, name="list"),
    path(_("news/feed/"), feeds.LatestNews(), name="feed"),
    path(_("news/<slug:slug>/"), views.post_detail, name="detail"),
]
