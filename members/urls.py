from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "members"

urlpatterns = [
    path(_("members/"), views.directory, name="directory"),
    path(_("members/map/"), views.member_map, name="map"),
    path(_("members/<slug:slug>/"), views.detail, name="detail"),
    path(
        _("members/<slug:slug>/contact/<int:user_id>/"),
        views.contact_person,
        name="contact_person",
    ),
    path(_("membership/"), views.membership, name="membership"),
    path(_("portal/"), views.portal, name="portal"),
    path(_("portal/documents/"), views.documents, name="documents"),
    path(_("portal/documents/<int:pk>/file/"), views.document_file, name="document_file"),
    path(_("portal/contact-details/"), views.contact_details, name="contact_details"),
    path(_("portal/<slug:slug>/profile/"), views.edit_profile, name="edit_profile"),
    path(_("portal/<slug:slug>/confirm/"), views.confirm_profile, name="confirm_profile"),
    path(_("portal/<slug:slug>/representatives/"), views.representatives, name="representatives"),
    path(
        _("portal/<slug:slug>/representatives/<int:user_id>/remove/"),
        views.remove_representative,
        name="remove_representative",
    ),
    path(
        _("portal/<slug:slug>/invitations/<int:pk>/withdraw/"),
        views.withdraw_invitation,
        name="withdraw_invitation",
    ),
    path(_("accounts/invitation/<signed:token>/"), views.invitation, name="invitation"),
    path(_("join/"), views.join, name="join"),
    path(_("join/thanks/"), views.join_thanks, name="join_thanks"),
    path(_("join/status/<random:token>/"), views.application_status, name="application_status"),
    path(_("subscribe/"), views.subscribe, name="subscribe"),
    path(_("subscribe/thanks/"), views.subscribe_thanks, name="subscribe_thanks"),
    path(
        _("subscribe/confirm/<signed:token>/"),
        views.confirm_subscription,
        name="confirm_subscription",
    ),
    path(_("subscribe/unsubscribe/<signed:token>/"), views.unsubscribe, name="unsubscribe"),
]
