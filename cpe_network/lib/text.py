"""Formatted text written by editors and members: Markdown in, clean HTML out."""

import markdown
import nh3

TAGS = {"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "a", "em", "strong", "blockquote", "hr"}
ATTRIBUTES = {"a": {"href", "title"}}


def to_safe_html(source):
    """Markdown as HTML with only headings, lists, links, emphasis and quotes: no
    script, style, event handler, or link to anything but http(s) and mailto."""
    html = markdown.markdown(source or "", output_format="html")
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener nofollow",
    )
