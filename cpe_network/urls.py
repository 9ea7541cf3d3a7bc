from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path, register_converter
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from pages import views

from .lib import converters

# Tokens in addresses have a strict shape (members/urls.py): anything else is a 404.
register_converter(converters.SignedToken, "signed")
register_converter(converters.RandomToken, "random")

# The admin's sign-in goes through the site's own (allauth), second factor included.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
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
    path("", include("members.urls")),
    path("", include("news.urls")),
    path("", include("practices.urls")),
    path(_("accounts/"), include("allauth.urls")),
    # The network's pages (about, values, policies): last, as their addresses are
    # whatever staff give them, in each language. Never under media/: an upload that
    # is not served answers 404, not a redirect to /en/media/…/.
    re_path(r"^(?!media/)(?P<url>(?:[-\w.~]+/)+)$", views.page, name="page"),
)
