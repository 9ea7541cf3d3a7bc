from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "members"

urlpatterns = [
    path(_("members/"), views.directory, name="directory"),
    path(_("members/map/"), views.member_map, name="map"),
    path(_("members/<slug:slug>/"), views.detail, name="detail"),
    path(_("membership/"), views.membership, name="membership"),
]
