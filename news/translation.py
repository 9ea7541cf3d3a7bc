from modeltranslation.translator import TranslationOptions, register

from .models import Event, EventDocument, Post


@register(Post)
class PostTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body", "body_html")


@register(Event)
class EventTranslationOptions(TranslationOptions):
    # Names of places are not translated; the text for readers is.
    fields = ("title", "slug", "summary", "body", "body_html")


@register(EventDocument)
class EventDocumentTranslationOptions(TranslationOptions):
    fields = ("title",)
