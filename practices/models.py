"""The practice database: what has been tried for children of imprisoned parents, what
the evidence says about it, and where it has travelled.

A practice is published as news is (it is a `Publication`: text in two languages, an
image, topics, countries, related members, moderation of what members send). Its facets
that take several values (age groups, settings, who delivers it, where it is used) are
kept in one column each, so that a list counts all the values of a facet with one
GROUP BY over the practices it shows."""

import hashlib
import re

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Max, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst, slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField

from cpe_network.lib.dates import dates_in_range
from cpe_network.lib.slugs import unique_in_each_language
from cpe_network.lib.text import CleanCharField, CleanTextField, sort_key
from cpe_network.lib.uploads import SiteChosenName, validate_pdf
from members.models import Member, Topic
from news.models import Moderated, ModeratedQuerySet, Publication
from news.models.publications import PublicationQuerySet

FIRST_YEAR, LAST_YEAR = 1900, 2100
# What a title may open with that its place in the alphabet does not depend on.
SORT_PUNCTUATION = re.compile(r"^[\W_]+")
YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


class MultipleChoiceField(models.CharField):
    """Any number of the values of `options` (a TextChoices class), kept in one column
    as "a,b,c" in the order of the choices. No value may hold another, so `contains`
    finds exactly one value."""

    def __init__(self, verbose_name=None, *, options, **kwargs):
        self.options = options
        values = options.values
        if any(a != b and a in b for a in values for b in values):
            raise ValueError(f"{options.__name__}: a value holds another: {values}")
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(verbose_name, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["options"] = self.options
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, str):
            return [part for part in value.split(",") if part]
        return list(value or [])

    def get_prep_value(self, value):
        if isinstance(value, str):  # a single value, as lookups use it
            return value
        chosen = set(value or [])
        return ",".join(option for option in self.options.values if option in chosen)

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        unknown = set(value or []) - set(self.options.values)
        if unknown:
            raise ValidationError(
                _("Choose among the values offered."), code="invalid_choice", params={}
            )
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.options.choices,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
            **{k: v for k, v in kwargs.items() if k in ("initial", "disabled")},
        )


class PracticeQuerySet(PublicationQuerySet):
    def most_travelled_slug(self):
        """The slug of the published practice, adapted elsewhere, with the best evidence:
        its page shows the most adaptations and sources (the benchmarks fetch it)."""
        published = self.published()
        adapted = published.filter(adapted=True).order_by("-evidence_rank", "-publish_at")
        return (
            adapted.values_list("slug", flat=True).first()
            or published.values_list("slug", flat=True).first()
        )

    def for_cards(self):
        """What a card in the list shows (practices/_card.html), without the long texts
        it does not: a page of cards reads little from the table."""
        return self.defer(
            *(f"{field}_{code}" for field in self.LONG_TEXTS for code, _name in settings.LANGUAGES)
        )

    LONG_TEXTS = ("body", "body_html", "findings")

    def for_page(self):
        """What a practice's page shows, in a fixed number of queries: the member who
        shared it, its topics, its listed related members, its sources and its
        published adaptations with the members that made them."""
        return self.select_related("submitted_by__category").prefetch_related(
            "topics",
            models.Prefetch("members", queryset=Member.objects.listed()),
            "sources",
            models.Prefetch(
                "adaptations",
                queryset=Adaptation.objects.published().select_related("member__category"),
                to_attr="published_adaptations",
            ),
        )

    def for_member(self, member):
        """What a member shared, or is named in (a subquery, not a join: no duplicates
        to remove)."""
        return self.for_members([member])

    def for_members(self, members):
        """What any of `members` (members, or a queryset of them) shared, or is named in:
        the keys of both in one subquery (a UNION), which each index answers. With an OR
        of the two, the database walked every practice by date to find a member's few
        (7 ms at 10,000 practices, 2 ms so)."""
        named_in = Practice.members.through.objects.filter(member__in=members)
        shared = Practice.objects.filter(submitted_by__in=members)
        return self.filter(pk__in=named_in.values("practice_id").union(shared.values("pk")))

    def with_total(self):
        """Each row also holds `total`, the number of rows before any slice: a page
        of them and their number in one query."""
        return self.annotate(total=models.Window(Count("pk")))

    def featured(self, count=3):
        """The home page's choice, as a list: the most recent of those whose evidence
        is strong (well supported or promising), then, if there are too few, the most
        recent of the others. Two short queries that walk the publish_at index, where
        one that sorted on the rating would read every practice."""
        chosen = list(
            self.filter(evidence_rank__gte=Practice.rank_of(Practice.Rating.PROMISING)).order_by(
                "-publish_at", "-pk"
            )[:count]
        )
        if len(chosen) < count:
            others = self.exclude(pk__in=[practice.pk for practice in chosen])
            chosen += others.order_by("-publish_at", "-pk")[: count - len(chosen)]
        return chosen

    def search(self, text):
        """Practices whose title, summary, text or findings, in either language, hold
        every word of `text`: the site search's matching (search.query)."""
        from search.query import Query

        return Query(text).filter(self)

    def filter_by(self, filters):
        """Apply the list's filters (practices.forms.PracticeFilterForm): any of the
        values within one filter, all the filters together. A country finds the
        practices used there, adaptations included; a year range finds those active
        during it (a practice with no years is in no range); a member (its slug), those
        it shared or is named in."""
        practices = self
        if text := filters.get("q"):
            practices = practices.search(text)
        if codes := filters.get("country"):
            anywhere = Q()
            for code in codes:
                anywhere |= Q(used_in__contains=code)
            practices = practices.filter(anywhere)
        if topics := filters.get("topic"):
            tagged = Practice.topics.through.objects.filter(topic__slug__in=topics)
            practices = practices.filter(pk__in=tagged.values("practice_id"))
        for name, column in (("kind", "kind"), ("rating", "rating")):
            if value := filters.get(name):
                practices = practices.filter(**{column: value})
        for name, column in (("age", "age_groups"), ("setting", "setting")):
            if value := filters.get(name):
                practices = practices.filter(**{f"{column}__contains": value})
        if filters.get("adapted"):
            practices = practices.filter(adapted=True)
        if filters.get("reach"):
            practices = practices.filter(several_countries=True)
        if slugs := filters.get("member"):
            practices = practices.for_members(Member.objects.filter(slug__in=slugs).values("pk"))
        if first := filters.get("from"):
            practices = practices.filter(
                Q(end_year__isnull=True) | Q(end_year__gte=first), start_year__isnull=False
            )
        if last := filters.get("to"):
            practices = practices.filter(start_year__lte=last)
        return practices

    # The filters counted in the filter panel, and the column each reads: one value,
    # or several ("a,b", split when counted), or the topics' table.
    FACETS = {
        "kind": "kind",
        "rating": "rating",
        "adapted": "adapted",
        "reach": "several_countries",
        "age": "age_groups",
        "setting": "setting",
        "country": "used_in",
        "topic": "topics",
    }
    SINGLE = ("kind", "rating", "adapted", "reach")

    def facet_counts(self, filters):
        """count_facets(filters), kept while these practices stay as they are."""
        # The facets' names are part of the key: counts kept before a filter was added
        # are not read as lacking it.
        counts = self.remembered(
            "facets", lambda: self.count_facets(filters), filters, tuple(self.FACETS)
        )
        slugs = dict(Topic.objects.values_list("pk", "slug"))
        return {
            **counts,
            "topic": {slugs[pk]: n for pk, n in counts["topic"].items() if pk in slugs},
        }

    def remembered(self, name, count, *parts):
        """What `count()` finds in these practices, kept in the cache while they stay
        as they are: the key holds their number and their latest change (one query
        along an index), so any change, or a scheduled practice coming due, is seen at
        once, by every process, whatever the cache. Counting takes tens of
        milliseconds at 10,000 practices; this query, one. Every change of a practice
        touches its updated_at: a save, its adaptations (update_reach) and its topics
        (practices.signals)."""
        state = self.order_by().aggregate(n=Count("*"), changed=Max("updated_at"))
        key = repr((state["n"], state["changed"], get_language(), parts))
        key = f"practices:{name}:{hashlib.sha256(key.encode()).hexdigest()}"
        found = cache.get(key)
        if found is None:
            found = count()
            cache.set(key, found, 60 * 60)
        return found

    def count_facets(self, filters):
        """For each filter, how many practices each of its values would show, given
        the other filters: {"country": {"FR": 4, ...}, "topic": {topic id: n}, ...}.

        One GROUP BY for each filter, except that the filters of one value not in use
        (they count the same practices) share one."""
        counts = {facet: {} for facet in self.FACETS}
        shared = [facet for facet in self.SINGLE if facet not in filters]
        if shared:
            columns = [self.FACETS[facet] for facet in shared]
            rows = self.filter_by(filters).order_by().values_list(*columns).annotate(n=Count("pk"))
            for *values, n in rows:
                for facet, value in zip(shared, values, strict=True):
                    counts[facet][value] = counts[facet].get(value, 0) + n
        for facet, column in self.FACETS.items():
            if facet in shared:
                continue
            others = {name: value for name, value in filters.items() if name != facet}
            practices = self.filter_by(others).order_by()
            if facet == "topic":  # an inner join: practices with no topic count for none
                practices = practices.filter(topics__isnull=False)
            multiple = column in MULTIPLE_COLUMNS
            if facet == "country":  # read as text, not as Country objects
                column = Cast("used_in", models.CharField())
            rows = practices.values_list(column).annotate(n=Count("pk"))
            counts[facet] = tally(rows, multiple=multiple)
        counts["adapted"] = {"yes": counts["adapted"].get(True, 0)}
        counts["reach"] = {"several": counts["reach"].get(True, 0)}
        return counts

    EXPORTED = [
        "slug_en",
        "slug_fr",
        "title_en",
        "title_fr",
        "summary_en",
        "summary_fr",
        "kind",
        "link",
        "publish_at",
        "countries",
        "worldwide",
        "start_year",
        "end_year",
        "age_groups",
        "setting",
        "providers",
        "rating",
        "evaluation",
        "findings_en",
        "findings_fr",
        "submitted_by__name",
    ]

    def export_rows(self):
        """Each practice as a dict of plain values (text, numbers, lists of them or of
        dicts) for the exports, in this queryset's order: four queries whatever their
        number. Members are named only where the public sees them (listed)."""
        chosen = self.order_by().values("pk")
        topics, adaptations, sources = {}, {}, {}
        for practice, slug in (
            Practice.topics.through.objects.filter(practice_id__in=chosen)
            .order_by("topic__slug")
            .values_list("practice_id", "topic__slug")
        ):
            topics.setdefault(practice, []).append(slug)
        for practice, country, year, member, listed in (
            Adaptation.objects.published()
            .filter(practice_id__in=chosen)
            .annotate(listed=listed_member("member"))
            .order_by("year", "pk")
            .values_list("practice_id", "country", "year", "member__name", "listed")
        ):
            adaptations.setdefault(practice, []).append(
                {"country": country, "year": year, "member": member if listed else ""}
            )
        for practice, title, year, url in (
            Source.objects.filter(practice_id__in=chosen)
            .order_by(models.F("year").desc(nulls_last=True), "pk")  # undated last, everywhere
            .values_list("practice_id", "title", "year", "url")
        ):
            sources.setdefault(practice, []).append({"title": title, "year": year, "url": url})
        rows = self.annotate(shared_by_listed=listed_member("submitted_by")).values(
            "pk", "shared_by_listed", *self.EXPORTED
        )
        language = get_language() or settings.LANGUAGE_CODE
        for row in rows.iterator(chunk_size=2000):
            codes = row["countries"]  # "BE,FR" as values() reads it
            codes = codes.split(",") if isinstance(codes, str) else [str(c) for c in codes]
            codes = [code for code in codes if code]
            published = row["publish_at"]
            yield {
                "url": settings.SITE_URL
                + reverse("practices:detail", kwargs={"slug": row[f"slug_{language}"]}),
                "title_en": row["title_en"] or "",
                "title_fr": row["title_fr"] or "",
                "summary_en": row["summary_en"] or "",
                "summary_fr": row["summary_fr"] or "",
                "kind": row["kind"],
                "link": row["link"],
                "published": published and timezone.localdate(published).isoformat(),
                "countries": codes,
                "country_names": [str(countries.name(code)) for code in codes],
                "worldwide": row["worldwide"],
                "start_year": row["start_year"],
                "end_year": row["end_year"],
                "topics": topics.get(row["pk"], []),
                "age_groups": row["age_groups"],
                "settings": row["setting"],
                "providers": row["providers"],
                "rating": row["rating"],
                "evaluation": row["evaluation"],
                "findings_en": row["findings_en"] or "",
                "findings_fr": row["findings_fr"] or "",
                "sources": sources.get(row["pk"], []),
                "shared_by": (row["submitted_by__name"] or "") if row["shared_by_listed"] else "",
                "adaptations": adaptations.get(row["pk"], []),
            }

    def evidence_counts(self):
        """The overview of the evidence: (how many practices have each rating, and
        for each topic id, how many of its practices have each rating), kept while
        these practices stay as they are."""
        return self.remembered(
            "evidence", lambda: (self.rating_counts(), self.rating_counts_by_topic())
        )

    def rating_counts(self):
        """How many practices have each rating: {rating: n}."""
        return dict(self.order_by().values_list("rating").annotate(n=Count("pk")))

    def rating_counts_by_topic(self):
        """How many practices of each topic have each rating: {topic id: {rating: n}}."""
        counts = {}
        for topic, rating, n in (
            self.order_by().values_list("topics", "rating").annotate(n=Count("pk"))
        ):
            if topic is not None:
                counts.setdefault(topic, {})[rating] = n
        return counts

    def sorted_by(self, sort):
        """newest: the latest published first; title: by the title as shown in the
        current language; evidence: the strongest evidence first, then the latest."""
        if sort == "title":
            language = "fr" if get_language() == "fr" else "en"
            return self.order_by(f"sort_title_{language}", "pk")
        if sort == "evidence":
            return self.order_by("-evidence_rank", "-publish_at", "-pk")
        return self.order_by("-publish_at", "-pk")


MULTIPLE_COLUMNS = {"used_in", "age_groups", "setting"}


def listed_member(field):
    """Whether the member in `field` is one the public sees (an EXISTS, per row)."""
    return models.Exists(Member.objects.listed().filter(pk=models.OuterRef(field)))


def tally(rows, *, multiple=False):
    """{value: count} from (value, count) rows, without empty values; with `multiple`,
    a value is "a,b" (or the list it reads as) and counts for each of its parts."""
    counts = {}
    for value, n in rows:
        if multiple and isinstance(value, str):
            value = value.split(",")
        for part in value if multiple else [value]:
            if part not in (None, ""):
                counts[part] = counts.get(part, 0) + n
    return counts


class Practice(Publication):
    """A programme, a project, research, a law or policy, guidance, a campaign or a
    training that helps children of imprisoned parents (or was meant to)."""

    MEDIA_FOLDER = "practices"
    # /practices/evidence/ is the overview of the evidence, not a practice.
    RESERVED_SLUGS = frozenset({"evidence", "donnees-probantes"})
    # What the search index reads besides the titles (Publication.search_document).
    SEARCHED = ("summary", "body", "findings")

    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("programme")
        PROJECT = "project", _("project")
        RESEARCH = "research", _("research")
        POLICY = "policy", _("legislation or policy")
        GUIDANCE = "guidance", _("guidance or toolkit")
        CAMPAIGN = "campaign", _("awareness campaign")
        TRAINING = "training", _("training")

    class AgeGroup(models.TextChoices):
        EARLY_YEARS = "0-5", _("0 to 5 years")
        PRIMARY = "6-11", _("6 to 11 years")
        TEENAGERS = "12-17", _("12 to 17 years")
        YOUNG_ADULTS = "18-25", _("18 to 25 years")

    class Setting(models.TextChoices):
        PRISON = "prison", _("prison")
        COMMUNITY = "community", _("community")
        SCHOOL = "school", _("school")
        ONLINE = "online", _("online")
        JUSTICE = "justice", _("court or police")

    class Provider(models.TextChoices):
        NGO = "ngo", _("NGO")
        PRISON_SERVICE = "prison-service", _("prison service")
        SCHOOL = "school", _("school")
        SERVICES = "services", _("health or social services")
        RESEARCHERS = "researchers", _("researchers")

    class Rating(models.TextChoices):
        # Strongest first: the order of the scale and of "sort by evidence".
        WELL_SUPPORTED = "well-supported", _("well supported by evaluation")
        PROMISING = "promising", _("promising")
        MIXED = "mixed", _("mixed results")
        NOT_EFFECTIVE = "did-not-work", _("did not work")
        NOT_EVALUATED = "not-evaluated", _("not evaluated")

    class Evaluation(models.TextChoices):
        CONTROLLED = "controlled", _("randomised or controlled study")
        BEFORE_AFTER = "before-after", _("before-after study")
        QUALITATIVE = "qualitative", _("qualitative study")
        MONITORING = "monitoring", _("monitoring data")
        NONE = "none", _("none")

    # What each rating means, in one plain sentence (a practice's page says it).
    # What each rating and each kind of evaluation means, in plain words: the scale's
    # page lists them, a practice's page says its rating's.
    RATING_MEANINGS = {
        Rating.WELL_SUPPORTED: _(
            "Careful studies compared children who took part with similar children who did "
            "not, and found that it helped them."
        ),
        Rating.PROMISING: _(
            "Evaluations found signs that it helps, but not yet from a study that compares it "
            "with doing without, or only from a small one."
        ),
        Rating.MIXED: _(
            "Evaluations disagree, or found that it helped in some ways or for some children "
            "and not for others."
        ),
        Rating.NOT_EFFECTIVE: _(
            "Sound evaluations found no benefit for children, or found that it did harm. "
            "Knowing this spares others the effort."
        ),
        Rating.NOT_EVALUATED: _(
            "No evaluation of its effects has been published yet. This says nothing about "
            "whether it works."
        ),
    }
    EVALUATION_MEANINGS = {
        Evaluation.CONTROLLED: _(
            "Children who took part are compared with similar children who did not (in a "
            "randomised trial, chosen by lot). The surest way to tell what the practice itself "
            "changed."
        ),
        Evaluation.BEFORE_AFTER: _(
            "The same children are measured before and after taking part. It shows a change, "
            "not whether the practice caused it."
        ),
        Evaluation.QUALITATIVE: _(
            "Interviews, group discussions or observation: how children, families and staff "
            "lived it, and what they saw change."
        ),
        Evaluation.MONITORING: _(
            "Figures gathered while running it: how many children and families took part, came "
            "back or finished."
        ),
        Evaluation.NONE: _("No evaluation yet."),
    }

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.PROGRAMME)
    worldwide = models.BooleanField(
        _("worldwide"), default=False, help_text=_("Used everywhere, not in some countries.")
    )
    start_year = models.PositiveSmallIntegerField(
        _("first year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    end_year = models.PositiveSmallIntegerField(
        _("last year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Empty while it goes on."),
    )
    age_groups = MultipleChoiceField(_("children’s ages"), options=AgeGroup)
    setting = MultipleChoiceField(_("settings"), options=Setting)
    providers = MultipleChoiceField(_("delivered by"), options=Provider)
    link = models.URLField(_("link"), blank=True, help_text=_("Where to read more."))
    document = models.FileField(
        _("document"),
        upload_to=SiteChosenName("practices/documents", "pdf"),
        blank=True,
        db_index=True,
        validators=[validate_pdf],
        help_text=_("PDF, at most 10 MB: a report, a guide, an evaluation."),
    )
    document_size = models.PositiveIntegerField(editable=False, default=0)
    rating = models.CharField(
        _("what the evidence says"),
        max_length=20,
        choices=Rating,
        default=Rating.NOT_EVALUATED,
    )
    evidence_rank = models.PositiveSmallIntegerField(editable=False, default=0)
    evaluation = models.CharField(
        _("kind of evaluation"), max_length=20, choices=Evaluation, default=Evaluation.NONE
    )
    findings = CleanTextField(
        _("findings"),
        max_length=4000,
        blank=True,
        help_text=_("What the evaluations found, in a few sentences."),
    )
    # Where it is used: its own countries and those of its published adaptations
    # (kept by update_reach()), so that the country filter and its counts read one column.
    used_in = CountryField(multiple=True, blank=True, editable=False)
    adapted = models.BooleanField(default=False, editable=False, db_index=True)
    # The title as the list sorts it in each language: its own, or the other's where it
    # has none; accents, case and opening punctuation aside, so that "« Écrans »" files
    # under E (kept by save()).
    sort_title_en = models.CharField(max_length=200, editable=False, default="")
    sort_title_fr = models.CharField(max_length=200, editable=False, default="")
    # Used in two countries or more, or worldwide (kept by update_reach(), with used_in).
    several_countries = models.BooleanField(default=False, editable=False, db_index=True)

    objects = PracticeQuerySet.as_manager()

    class Meta(Publication.Meta):
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        indexes = [
            # The lists' practices, and their state (PracticeQuerySet.remembered).
            models.Index(fields=["status", "publish_at", "updated_at"]),
            models.Index(fields=["evidence_rank", "publish_at"]),
            # Everything the list's filters and counts read, so that counting the
            # published practices reads this index and not the rows with their text.
            models.Index(
                fields=[
                    "status",
                    "publish_at",
                    "kind",
                    "rating",
                    "adapted",
                    "several_countries",
                    "start_year",
                    "end_year",
                    "age_groups",
                    "setting",
                    "used_in",
                ],
                name="practices_facets_idx",
            ),
            # The order by title in each language.
            models.Index(fields=["status", "sort_title_en", "id"], name="practices_title_en_idx"),
            models.Index(fields=["status", "sort_title_fr", "id"], name="practices_title_fr_idx"),
        ]
        constraints = [
            dates_in_range("publish_at", name="practices_practice_dates_in_range"),
            *unique_in_each_language("practices_practice"),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True)
                | Q(start_year__isnull=True)
                | Q(end_year__gte=models.F("start_year")),
                name="practices_practice_years_in_order",
            ),
        ]

    def get_absolute_url(self):
        return reverse("practices:detail", kwargs={"slug": self.slug})

    def structured_data(self):
        """Its page's JSON-LD. schema.org has no type for "a practice"; the page is an
        editorial article about one (a programme, research, a policy…), with a headline,
        dates, topics and the studies it rests on, so it is an Article: `about` its
        topics, `keywords` its kind, topics and children's ages, `spatialCoverage` the
        countries where it is used (adaptations too), and `citation` its sources.
        (CreativeWork would say less; HowTo or MedicalWebPage would claim what the
        page is not.)"""
        article = self.structured_data_article()
        topics = article["keywords"]
        return {
            "@type": "Article",
            **article,
            "articleSection": str(self.get_kind_display()),
            "about": [{"@type": "Thing", "name": name} for name in topics],
            "keywords": ", ".join(
                [
                    str(self.get_kind_display()),
                    *topics,
                    *(str(label) for _value, label in self.age_group_choices),
                ]
            ),
            "spatialCoverage": [
                {"@type": "Country", "name": str(country.name), "identifier": country.code}
                for country in self.used_in
            ],
            "citation": [
                {
                    "@type": "CreativeWork",
                    "name": source.title,
                    "url": source.url,
                    "datePublished": str(source.year) if source.year else None,
                    "inLanguage": source.language,
                }
                for source in self.sources.all()
            ],
        }

    def clean(self):
        """Every mistake at once, each on its field."""
        errors = self.slug_check()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = _("The last year cannot come before the first.")
        if not self.countries and not self.worldwide:
            errors["countries"] = _("Choose the countries where it is used, or tick “worldwide”.")
        errors.update(self.evidence_errors())
        if errors:
            raise ValidationError(errors)

    def evidence_errors(self):
        """Where the rating and the kind of evaluation contradict each other: {field:
        message}. A rating rests on an evaluation; "well supported" on a randomised or
        controlled study; "not evaluated" on none."""
        rating, evaluation = self.rating, self.evaluation
        if rating == self.Rating.NOT_EVALUATED:
            if evaluation != self.Evaluation.NONE:
                return {
                    "evaluation": _(
                        "A practice that was not evaluated has no evaluation: choose “none”, "
                        "or the rating that this evaluation supports."
                    )
                }
        elif evaluation == self.Evaluation.NONE:
            return {
                "evaluation": _(
                    "This rating needs an evaluation: choose the kind of evaluation it rests "
                    "on, or the rating “not evaluated”."
                )
            }
        elif rating == self.Rating.WELL_SUPPORTED and evaluation != self.Evaluation.CONTROLLED:
            return {
                "rating": _(
                    "“Well supported” needs a randomised or controlled study: choose "
                    "“promising” or another rating, or the kind of evaluation if it was one."
                )
            }
        return {}

    def save(self, *args, **kwargs):
        self.evidence_rank = self.rank_of(self.rating)
        self.set_sort_titles()
        if self.document:
            self.document_size = self.document.size
        super().save(*args, **kwargs)
        if kwargs.get("update_fields") is None:
            self.update_reach()

    def set_sort_titles(self):
        for code, other in (("en", "fr"), ("fr", "en")):
            title = getattr(self, f"title_{code}") or getattr(self, f"title_{other}") or ""
            setattr(self, f"sort_title_{code}", SORT_PUNCTUATION.sub("", sort_key(title))[:200])

    @classmethod
    def rank_of(cls, rating):
        """The strength of a rating: 4 for well supported … 0 for not evaluated."""
        values = cls.Rating.values
        return len(values) - 1 - values.index(rating) if rating in values else 0

    @staticmethod
    def reaches_several(used_in, worldwide):
        """Whether a practice used in these countries is used in more than one."""
        return worldwide or len(used_in) > 1

    def update_reach(self):
        """Where it is used (its countries and those of its published adaptations),
        whether it was taken up elsewhere and whether it is used in more than one
        country (or worldwide), kept in the row for the list's filters."""
        own = {str(country.code) for country in self.countries}
        adapted = set(
            self.adaptations.filter(status=Adaptation.Status.PUBLISHED)
            .exclude(country="")
            .values_list("country", flat=True)
        )
        used_in = sorted(own | adapted)
        elsewhere = bool(adapted - own)
        several = self.reaches_several(used_in, self.worldwide)
        type(self).objects.filter(pk=self.pk).update(
            used_in=",".join(used_in),
            adapted=elsewhere,
            several_countries=several,
            updated_at=timezone.now(),
        )
        self.used_in, self.adapted, self.several_countries = used_in, elsewhere, several

    @property
    def download_name(self):
        """What the document is called on the reader's computer: its title."""
        return f"{slugify(self.title) or 'practice'}.pdf"

    @property
    def years(self):
        """Its years as people write them: "2015–2019", "since 2015", "2015"."""
        if self.start_year and self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}–{self.end_year}"
        return self.start_year or self.end_year

    @property
    def is_ongoing(self):
        return bool(self.start_year) and not self.end_year

    @property
    def age_group_choices(self):
        """Its children's ages as (value, label), in the order of the choices."""
        return self._chosen(self.AgeGroup, self.age_groups)

    @property
    def setting_choices(self):
        return self._chosen(self.Setting, self.setting)

    @property
    def provider_choices(self):
        return self._chosen(self.Provider, self.providers)

    @staticmethod
    def _chosen(options, values):
        return [(value, label) for value, label in options.choices if value in values]

    @property
    def rating_meaning(self):
        """What its rating means, in a sentence (shown under the rating's badge)."""
        return self.RATING_MEANINGS.get(self.rating, "")

    @classmethod
    def scale(cls):
        """The ratings and the kinds of evaluation, each with what it means:
        ([(value, label, meaning)], [(value, label, meaning)]), in order."""
        return tuple(
            [(value, label, meanings[value]) for value, label in choices.choices]
            for choices, meanings in (
                (cls.Rating, cls.RATING_MEANINGS),
                (cls.Evaluation, cls.EVALUATION_MEANINGS),
            )
        )


class Source(models.Model):
    """A study, a report or an evaluation that says what the practice achieved."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="sources", verbose_name=_("practice")
    )
    title = CleanCharField(_("title"), max_length=300)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    url = models.URLField(_("link"), blank=True)
    # A study keeps its own title, whatever the page's language: the page marks it with
    # `lang` (empty: a language other than the site's), as screen readers need.
    language = models.CharField(
        _("language of the title"),
        max_length=8,
        choices=[*settings.LANGUAGES, ("", _("another language"))],
        default="en",
        blank=True,
    )

    class Meta:
        ordering = ["-year", "pk"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return f"{self.title} ({self.year})" if self.year else self.title

    def get_absolute_url(self):
        return self.url or self.practice.get_absolute_url()


class AdaptationQuerySet(ModeratedQuerySet):
    def waiting_for_review(self):
        """As any members' item, with its practice (its title names it)."""
        return super().waiting_for_review().select_related("practice")

    def for_member(self, member):
        return self.filter(member=member)

    def public(self):
        """Published adaptations of published practices: what visitors may see. The
        practice is checked row by row (EXISTS), so that a filter on the adaptations
        (a member's) leads, rather than a walk through every published practice."""
        practice = Practice.objects.published().filter(pk=models.OuterRef("practice_id"))
        return self.published().filter(models.Exists(practice))


class Adaptation(Moderated):
    """A practice taken up in another country: where, when, by whom, what changed and
    what happened. A representative records it from the portal; an editor publishes it."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="adaptations", verbose_name=_("practice")
    )
    country = CountryField(_("country"))
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    member = models.ForeignKey(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adaptations",
        verbose_name=_("member"),
        help_text=_("The member that adapted it, if it is one."),
    )
    changes = CleanTextField(_("what changed"), max_length=2000, blank=True)
    outcome = CleanTextField(_("what happened"), max_length=2000, blank=True)

    objects = AdaptationQuerySet.as_manager()

    class Meta:
        ordering = ["year", "pk"]
        verbose_name = _("adaptation")
        verbose_name_plural = _("adaptations")
        constraints = [
            # A member records once that it took a practice to a country (members
            # left empty, adaptations recorded by the staff, are not held to it).
            models.UniqueConstraint(
                fields=["practice", "country", "member"],
                name="practices_adaptation_once_per_member",
                violation_error_message=_(
                    "This member already recorded an adaptation of this practice in this country."
                ),
            ),
        ]

    @classmethod
    def from_db(cls, db, field_names, values, *args, **kwargs):
        instance = super().from_db(db, field_names, values, *args, **kwargs)
        # The practice it belonged to when read, to update it too if it is moved.
        instance._stored_practice_id = instance.__dict__.get("practice_id")
        return instance

    def __str__(self):
        return f"{self.practice} — {self.country.name}"

    def get_absolute_url(self):
        return self.practice.get_absolute_url() + "#adaptations"

    @property
    def title(self):
        """What the emails call it: the practice, and where it went."""
        return str(self)

    def is_visible_to(self, user, *, as_staff=True):
        if self.is_public and self.practice.is_public:
            return True
        return super().is_visible_to(user, as_staff=as_staff)

    def submit(self, member, *, by, save_related=None):
        if not self.pk:
            self.member = member
        return super().submit(member, by=by, save_related=save_related)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.practice.update_reach()
        before = getattr(self, "_stored_practice_id", None)
        if before and before != self.practice_id:  # moved: the old one lost it
            for practice in Practice.objects.filter(pk=before):
                practice.update_reach()
        self._stored_practice_id = self.practice_id

    def delete(self, *args, **kwargs):
        practice = self.practice
        result = super().delete(*args, **kwargs)
        practice.update_reach()
        return result
