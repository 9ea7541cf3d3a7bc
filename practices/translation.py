from modeltranslation.translator import TranslationOptions, register

from .models import Adaptation, Practice


@register(Practice)
class PracticeTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "summary", "body", "body_html", "findings")


@register(Adaptation)
class AdaptationTranslationOptions(TranslationOptions):
    fields = ("changes", "outcome")
