from modeltranslation.translator import TranslationOptions, register

from .models import Member, MemberDocument, MembershipCategory, Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)


@register(MembershipCategory)
class MembershipCategoryTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)


@register(Member)
class MemberTranslationOptions(TranslationOptions):
    # Text for readers, and the city (Brussels, Bruxelles); names and contact details
    # are not translated.
    fields = ("summary", "description", "mission", "funding_sources", "city")


@register(MemberDocument)
class MemberDocumentTranslationOptions(TranslationOptions):
    # Either language is enough (MemberDocument.clean asks for one of them).
    fields = ("title",)
    required_languages = ()
