"""How a page presents itself to search engines and link previews (templates/base.html's
<head>): its canonical address, Open Graph and Twitter card tags, JSON-LD.

The canonical rule for lists (decided in issue 16):
- page 1 of a list is the list's own address; page 2 and later name themselves, with
  `?page=N` only, since each shows other items;
- a filtered, searched or re-sorted list names the unfiltered list (its first page): the
  filters combine without end and each combination is a subset of the list, whose pages
  and whose items' own pages are what search engines should index; a list of past
  events (`?when=past`) is a list of its own, not a filter, and keeps `when=past`;
- a detail page names its address in the page's language (the other language's address
  of a post, event or practice answers 301 to it); any query string is dropped;
- error pages name none (templates/error.html empties the block).
"""

from django import template
from django.conf import settings
from django.core.paginator import Page
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cpe_network.lib import structured_data

register = template.Library()

# Query parameters that make a list of its own rather than filter one: {name: values}.
LIST_OF_ITS_OWN = {"when": {"past"}}
# Open Graph wants a territory with the language.
OG_LOCALES = {"en": "en_GB", "fr": "fr_FR"}


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # Rendered, so escaped already: kept safe, not escaped twice.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # nosec B308 B703
        return ""


@register.tag
def capture(parser, token):
    """{% capture name %}…{% endcapture %}: renders its content (blocks that child
    templates fill included) into the variable `name`, shown nowhere itself. The title
    and the description are each written once and used in several tags."""
    try:
        _tag, name = token.split_contents()
    except ValueError as error:
        raise template.TemplateSyntaxError("{% capture name %} takes one name") from error
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, name)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's canonical address (the rule above), absolute, on SITE_URL."""
    request = context.get("request")
    if request is None:
        return ""
    own = {
        name: value
        for name, values in LIST_OF_ITS_OWN.items()
        if (value := request.GET.get(name)) in values
    }
    filtered = set(request.GET) - {"page", *own}
    page = context.get("page")
    query = dict(own)
    if isinstance(page, Page) and page.number > 1 and not filtered:
        query["page"] = page.number
    address = structured_data.absolute(request.path)
    return f"{address}?{urlencode(query)}" if query else address


@register.simple_tag
def og_locales():
    """og:locale for the page's language, og:locale:alternate for the others."""
    current = get_language()
    tags = [format_html('<meta property="og:locale" content="{}">', OG_LOCALES.get(current))]
    for code, _name in settings.LANGUAGES:
        if code != current:
            tags.append(
                format_html('<meta property="og:locale:alternate" content="{}">', OG_LOCALES[code])
            )
    return format_html("\n  ".join(["{}"] * len(tags)), *tags)


@register.simple_tag
def preview_image(field, alt="", width=None, height=None, *, card="summary_large_image"):
    """og:image (absolute) with its size and description, and the Twitter card that
    shows it: `summary_large_image` for a picture, `summary` for a logo. Nothing
    without a file."""
    if not field:
        return ""
    tags = [
        format_html('<meta property="og:image" content="{}">', structured_data.file_url(field)),
    ]
    if width and height:
        tags += [
            format_html('<meta property="og:image:width" content="{}">', width),
            format_html('<meta property="og:image:height" content="{}">', height),
        ]
    if alt:
        tags.append(format_html('<meta property="og:image:alt" content="{}">', alt))
    tags.append(format_html('<meta name="twitter:card" content="{}">', card))
    return format_html("\n  ".join(["{}"] * len(tags)), *tags)


@register.simple_tag
def json_ld(data):
    """`data` (a model's structured_data()) as a JSON-LD script."""
    return structured_data.to_script(data)
