from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "practices"

urlpatterns = [
    path(_("practices/"), views.practice_list, name="list"),
    path(_("practices/evidence/"), views.evidence, name="evidence"),
    # The list as it is filtered, for researchers' spreadsheets and programs.
    path(_("practices/practices.csv"), views.export, {"format": "csv"}, name="export_csv"),
    path(_("practices/practices.json"), views.export, {"format": "json"}, name="export_json"),
    path(_("practices/<slug:slug>/"), views.practice_detail, name="detail"),
    # Members' practices and adaptations: sent from the portal, changed there until
    # published.
    path(_("portal/<slug:slug>/practices/new/"), views.submission, name="submit"),
    path(_("portal/<slug:slug>/practices/<int:pk>/"), views.submission, name="edit"),
    path(_("portal/adapted/<slug:practice>/"), views.adaptation, name="adapt"),
    path(
        _("portal/<slug:slug>/adaptations/<int:pk>/"),
        views.adaptation,
        name="edit_adaptation",
    ),
]
