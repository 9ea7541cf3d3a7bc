from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "collaboration"

urlpatterns = [
    # The calls: open ones with their filters, closed ones in the archive, one call and
    # its document; a member's reply to it.
    path(_("collaborate/"), views.call_list, name="list"),
    path(_("collaborate/archive/"), views.call_list, {"archive": True}, name="archive"),
    path(_("collaborate/<slug:slug>/"), views.call_detail, name="detail"),
    path(_("collaborate/<slug:slug>/document/"), views.call_file, name="file"),
    path(_("collaborate/<slug:slug>/reply/"), views.reply, name="reply"),
    # The portal: a member's calls and replies; posting, changing and filling a call.
    path(_("portal/calls/"), views.portal, name="portal"),
    path(_("portal/<slug:slug>/calls/new/"), views.call_form, name="new"),
    path(_("portal/<slug:slug>/calls/<int:pk>/"), views.call_form, name="edit"),
    path(_("portal/<slug:slug>/calls/<int:pk>/replies/"), views.replies, name="replies"),
    path(_("portal/<slug:slug>/calls/<int:pk>/filled/"), views.mark_filled, name="filled"),
]
