from allauth.account import views as account
from allauth.account.decorators import secure_admin_login
from allauth.mfa.base import views as mfa
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path, register_converter
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from pages import views
from search import views as search_views

from .lib import converters

# Tokens in addresses have a strict shape (members/urls.py): anything else is a 404.
register_converter(converters.SignedToken, "signed")
register_converter(converters.RandomToken, "random")

# An error that is the database out of reach answers 503 with a page of its own.
handler500 = "pages.views.server_error"

# The admin's sign-in goes through the site's own (allauth), second factor included.
admin.site.login = secure_admin_login(admin.site.login)

# The account pages people see, at addresses in each language (/fr/comptes/connexion/).
# allauth's own English paths, included before these, still answer; reverse() takes the
# last pattern of a name, so links, the language switcher and emails use these.
ACCOUNT_PATHS = [
    path(_("login/"), account.login, name="account_login"),
    path(_("logout/"), account.logout, name="account_logout"),
    path(_("inactive/"), account.account_inactive, name="account_inactive"),
    path(_("reauthenticate/"), account.reauthenticate, name="account_reauthenticate"),
    path(_("email/"), account.email, name="account_email"),
    path(
        _("confirm-email/"),
        account.email_verification_sent,
        name="account_email_verification_sent",
    ),
    re_path(
        _(r"^confirm-email/(?P<key>[-:\w]+)/$"),
        account.confirm_email,
        name="account_confirm_email",
    ),
    path(_("password/change/"), account.password_change, name="account_change_password"),
    path(_("password/set/"), account.password_set, name="account_set_password"),
    path(_("password/reset/"), account.password_reset, name="account_reset_password"),
    path(
        _("password/reset/done/"),
        account.password_reset_done,
        name="account_reset_password_done",
    ),
    path(
        _("password/reset/key/done/"),
        account.password_reset_from_key_done,
        name="account_reset_password_from_key_done",
    ),
    re_path(
        _(r"^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$"),
        account.password_reset_from_key,
        name="account_reset_password_from_key",
    ),
    path(_("2fa/authenticate/"), mfa.authenticate, name="mfa_authenticate"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_section"),
    re_path(
        rf"^language/(?P<code>{'|'.join(code for code, _name in settings.LANGUAGES)})/$",
        views.choose_language,
        name="choose_language",
    ),
    path(
        "favicon.ico",
        RedirectView.as_view(url=f"{settings.STATIC_URL}img/favicon.svg", permanent=True),
    ),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(re_path(r"^media/(?P<path>.+)$", views.media, name="media"))

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path(_("find-help/"), views.find_help, name="find_help"),
    path("", include("members.urls")),
    path("", include("news.urls")),
    path("", include("practices.urls")),
    path("", include("collaboration.urls")),
    path(_("search/"), search_views.search, name="search"),
    path(_("contact/"), views.contact, name="contact"),
    path(_("contact/thanks/"), views.contact_thanks, name="contact_thanks"),
    path(_("accounts/"), include("allauth.urls")),
    path(_("accounts/"), include(ACCOUNT_PATHS)),
    # The network's pages (about, values, policies): last, as their addresses are
    # whatever staff give them, in each language. Never under media/: an upload that
    # is not served answers 404, not a redirect to /en/media/…/.
    re_path(r"^(?!media/)(?P<url>(?:[-\w.~]+/)+)$", views.page, name="page"),
)
