from django.contrib.flatpages.models import FlatPage
from modeltranslation.translator import TranslationOptions, register

from .models import HomePage


@register(FlatPage)
class FlatPageTranslationOptions(TranslationOptions):
    # The address is translated too: /en/about/ and /fr/a-propos/.
    fields = ("url", "title", "content")
    required_languages = {"en": ("url", "title"), "fr": ("url",)}


@register(HomePage)
class HomePageTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "intro",
        "block_1_title",
        "block_1_text",
        "block_2_title",
        "block_2_text",
        "block_3_title",
        "block_3_text",
        "image_alt",
        "address",
    )
