from django.contrib.flatpages.models import FlatPage
from modeltranslation.translator import TranslationOptions, register


@register(FlatPage)
class FlatPageTranslationOptions(TranslationOptions):
    # The address is translated too: /en/about/ and /fr/a-propos/.
    fields = ("url", "title", "content")
    required_languages = {"en": ("url", "title"), "fr": ("url",)}
