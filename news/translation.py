from modeltranslation.translator import TranslationOptions, register

from .models import Event, EventDocument, Post


@register(Post)
class PostTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body", "body_html")


@register(Event)
class EventTranslationOptions(TranslationOptions):
    # The text for readers, the address and the city (Brussels, Bruxelles); venues keep
    # their name.
    fields = ("title", "slug", "summary", "body", "body_html", "city")


@register(EventDocument)
class EventDocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
