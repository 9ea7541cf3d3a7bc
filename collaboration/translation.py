from modeltranslation.translator import TranslationOptions, register

from .models import Call


@register(Call)
class CallTranslationOptions(TranslationOptions):
    # Either language is enough (Call.clean asks for a title in one of them).
    fields = ("title", "description")
    required_languages = ()
