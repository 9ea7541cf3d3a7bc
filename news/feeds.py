from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cpe_network.templatetags.site import site_name

from .models import Post


class LatestNews(Feed):
    """The latest news, in the language of the address it is read at."""

    description = _("News from the network and its members.")

    def title(self):
        return f"{site_name()}: {_('News')}"

    # Absolute addresses from SITE_URL, like the emails: the Site row may not match.
    def link(self):
        return settings.SITE_URL + reverse("news:list")

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
