"""Editor text: what the results page says about each rule.

Verdicts are code (rules/law/engine.py); the words around them are data, one row
per engine rule, so staff can improve them in the admin without a deploy.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from rules import content
from rules.editor import markup, review
from rules.law import audiences, clock
from rules.law.rulebook import RULES_BY_ID, Rule

EDITORS_GROUP = "Editors"

MARKDOWN_HELP = (
    "Markdown: leave a blank line between paragraphs; *italic*, **bold**; a list is lines "
    "starting with “- ” or “1. ”; a link is [words](https://…); `code`; “> ” for a quote; "
    "any heading (#, ##, ###) becomes a small subheading. Removed when you save: HTML tags "
    "(their text stays, except scripts and styles), images, and links that do not start "
    "with https://, http://, mailto: or /."
)


# The editors' help for each field, shown on the admin's change form (rules.editor.admin): kept
# out of the model fields so that rewording it needs no migration.
HELP_TEXTS = {
    "explanation": "Shown under “Why” on the results page, after the engine’s one-line "
    "reason, in a “More about the law behind this answer” section. Two to four short "
    "paragraphs in plain words and US English; name the law and figures you rely on. "
    + MARKDOWN_HELP
    + " "
    + audiences.HELP,
    "instead": "Shown under “What to do next”, straight after the verdict (for the "
    "“not sure” rules, under “How to find out which kind you have”). A list of one to "
    "three practical steps for each account. Same Markdown as above. " + audiences.HELP,
    "editor_note": "Never shown on the site: what you checked, what is uncertain, what to "
    "look at again.",
    "last_reviewed": "The day someone last checked this text against the law and the sources "
    "the rule cites. Shown on the results page: change it only when you have done that. A new "
    "date also marks a change in the shipped text (below) as reviewed.",
}
HELP_TEXTS["explanation_es"] = (
    "The Spanish of the explanation, shown on the Spanish results page (/es/…). Translate the "
    "English above as it stands, keeping its “[For …]” tags in English, its citations and its "
    "form numbers; the terms to use are in rules/content/es/TERMS.md."
)
HELP_TEXTS["instead_es"] = "The Spanish of “What to do next”, the same way."
TEXT_FIELDS = ("explanation", "instead")
# The Spanish of each: rows hold both languages (rules/content/es/ ships the Spanish).
SPANISH_FIELDS = ("explanation_es", "instead_es")
ALL_TEXT_FIELDS = TEXT_FIELDS + SPANISH_FIELDS


def validate_rule_id(value: str) -> None:
    if value not in RULES_BY_ID:
        raise ValidationError(f"“{value}” is not a rule in the engine.", code="unknown_rule")


class Explanation(models.Model):
    """One rule's text: the shipped text from rules/content/ (rules.content.loader) or an
    editor's change to it, which the loader never overwrites."""

    rule_id = models.SlugField(
        "rule", primary_key=True, max_length=64, validators=[validate_rule_id]
    )
    explanation = models.TextField("explanation")
    instead = models.TextField("what to do next")
    explanation_html = models.TextField(editable=False)
    instead_html = models.TextField(editable=False)
    editor_note = models.TextField("note for editors", blank=True)
    last_reviewed = models.DateField("last reviewed")
    # A digest of the rule's years, situations, outcome and citations when the text was
    # last reviewed: set when "last reviewed" changes (rules/editor/review.py).
    reviewed_fingerprint = models.CharField(
        "law at review", max_length=32, blank=True, editable=False
    )
    # The shipped text (the content file) as the loader last found it. A field that
    # differs from it is an editor's change, which the loader leaves alone.
    shipped_explanation = models.TextField(blank=True, editable=False)
    shipped_instead = models.TextField(blank=True, editable=False)
    shipped_note = models.TextField(blank=True, editable=False)
    # The shipped text an editor's change was based on, kept when the shipped text
    # changed under it: the change is due for review, with the diff earlier -> shipped.
    # Empty when nothing is waiting.
    earlier_explanation = models.TextField(blank=True, editable=False)
    earlier_instead = models.TextField(blank=True, editable=False)
    # The Spanish (rules/content/es/), kept the same way as the English: shipped_*_es what the
    # files shipped, earlier_*_es the shipped Spanish an editor's Spanish change was based on.
    explanation_es = models.TextField("explanation (Spanish)", blank=True)
    instead_es = models.TextField("what to do next (Spanish)", blank=True)
    explanation_es_html = models.TextField(blank=True, editable=False)
    instead_es_html = models.TextField(blank=True, editable=False)
    shipped_explanation_es = models.TextField(blank=True, editable=False)
    shipped_instead_es = models.TextField(blank=True, editable=False)
    earlier_explanation_es = models.TextField(blank=True, editable=False)
    earlier_instead_es = models.TextField(blank=True, editable=False)
    # The fingerprint (rules.content.fingerprint) of the English the Spanish translates: when
    # the English changes, the Spanish "needs translation" and the page keeps showing it.
    translated_from = models.CharField(
        "English translated", max_length=16, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The rendered HTML is derived from the Markdown and updated_at changes on every
    # save, so neither belongs in the change history (a revert re-renders on save).
    # The loader's bookkeeping (shipped_*, earlier_*) stays out of it too: reverting to an
    # older version must not make the loader take an editor's wording for shipped text.
    history = HistoricalRecords(
        excluded_fields=[
            "explanation_html",
            "instead_html",
            "explanation_es_html",
            "instead_es_html",
            "updated_at",
            "shipped_explanation",
            "shipped_instead",
            "shipped_note",
            "earlier_explanation",
            "earlier_instead",
            "shipped_explanation_es",
            "shipped_instead_es",
            "earlier_explanation_es",
            "earlier_instead_es",
        ]
    )

    class Meta:
        ordering = ["rule_id"]

    def __str__(self) -> str:
        return self.rule_id

    def save(self, *args, **kwargs) -> None:
        self.explanation_html = markup.render(self.explanation)
        self.instead_html = markup.render(self.instead)
        self.explanation_es_html = markup.render(self.explanation_es)
        self.instead_es_html = markup.render(self.instead_es)
        for name in ALL_TEXT_FIELDS:
            # Back to the shipped text (an editor took the new one, or reverted): nothing
            # is left to review in that field.
            if getattr(self, f"earlier_{name}") and getattr(self, name) == getattr(
                self, f"shipped_{name}"
            ):
                setattr(self, f"earlier_{name}", "")
        loaded_date, loaded_fingerprint = getattr(self, "_loaded_review", (None, ""))
        if not self.reviewed_fingerprint or (
            # A new review date means the text was checked against the law as it is now,
            # unless the fingerprint was set with it (a revert to an older version).
            self.last_reviewed != loaded_date and self.reviewed_fingerprint == loaded_fingerprint
        ):
            self.reviewed_fingerprint = review.fingerprint(self.rule_id)
        if kwargs.get("update_fields") is not None:
            fields = set(kwargs["update_fields"])
            fields.update(f"{name}_html" for name in ALL_TEXT_FIELDS if name in fields)
            if "last_reviewed" in fields:
                fields.add("reviewed_fingerprint")
            fields.update(f"earlier_{name}" for name in ALL_TEXT_FIELDS if name in fields)
            kwargs["update_fields"] = fields
        super().save(*args, **kwargs)
        self._loaded_review = (self.last_reviewed, self.reviewed_fingerprint)

    def clean(self) -> None:
        """A tag ("[For IRAs]", "[Before 2015]") must name only what we know, or savers would
        read it."""
        errors = {}
        for name in ALL_TEXT_FIELDS:
            unknown = audiences.complaint(getattr(self, name) or "")
            if unknown:
                errors[name] = ValidationError(
                    "%(unknown)s " + audiences.HELP,
                    code="unknown_audience",
                    params={"unknown": unknown},
                )
        if errors:
            raise ValidationError(errors)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # What was reviewed, as loaded: save() sees whether someone reviewed it since.
        instance._loaded_review = (
            instance.__dict__.get("last_reviewed"),
            instance.__dict__.get("reviewed_fingerprint"),
        )
        return instance

    @property
    def rule(self) -> Rule | None:
        return RULES_BY_ID.get(self.rule_id)

    def shipped_changes(self) -> dict[str, tuple[str, str]]:
        """The fields whose shipped text changed under an editor's change: (earlier, shipped)."""
        return {
            name: (getattr(self, f"earlier_{name}"), getattr(self, f"shipped_{name}"))
            for name in ALL_TEXT_FIELDS
            if getattr(self, f"earlier_{name}")
        }

    def mark_shipped_changes_reviewed(self) -> None:
        """An editor has compared their text with the new shipped one (saved with save())."""
        for name in ALL_TEXT_FIELDS:
            setattr(self, f"earlier_{name}", "")

    def english_fingerprint(self) -> str:
        return content.fingerprint(self.explanation, self.instead)

    @property
    def needs_translation(self) -> bool:
        """The Spanish is missing, or translates an English that has changed since."""
        return not (self.explanation_es and self.instead_es) or (
            self.translated_from != self.english_fingerprint()
        )

    def mark_translated(self) -> None:
        """The Spanish, as it is, translates the English as it is (saved with save())."""
        self.translated_from = self.english_fingerprint()

    def review_state(self, today=None) -> review.ReviewState:
        return review.state(
            self.rule_id,
            self.last_reviewed,
            self.reviewed_fingerprint,
            today or clock.today(),
            shipped_changed=bool(self.shipped_changes()),
        )


TABLES_PAGE = "tables"
COMMENT_MAX_LENGTH = 1000


class Feedback(models.Model):
    """One "Is this page useful?" answer. Nothing about the visitor: no address, no
    cookie, no user agent, and the day rather than the time."""

    rule_id = models.SlugField(
        "page",
        max_length=64,
        db_index=True,
        help_text="The rule that decided the results page, or “tables” for the comparison tables.",
    )
    answers = models.CharField(
        "answers",
        max_length=200,
        blank=True,
        help_text="The results page's answers as its canonical query string (empty for the "
        "tables).",
    )
    useful = models.BooleanField("useful")
    comment = models.TextField(
        "comment",
        blank=True,
        max_length=COMMENT_MAX_LENGTH,
        help_text="What the saver was trying to find out, with e-mail addresses, phone, "
        "Social Security and account numbers removed before it was stored.",
    )
    created_on = models.DateField("date", default=clock.today, db_index=True)
    dealt_with = models.BooleanField(
        "dealt with",
        default=False,
        help_text="Tick when the comment has been read and acted on (or needs nothing).",
    )
    # A random key the page's script makes for one vote and sends again with any retry
    # (a post answered 502 whose row was stored): the same key is the same vote, stored
    # once. Empty (NULL) without JavaScript. Nothing about the visitor.
    request_key = models.CharField(
        "request key", max_length=64, null=True, blank=True, unique=True, editable=False
    )

    class Meta:
        ordering = ["-created_on", "-id"]
        verbose_name = "feedback"
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return f"{'Useful' if self.useful else 'Not useful'}: {self.rule_id}, {self.created_on}"

    @property
    def is_tables(self) -> bool:
        return self.rule_id == TABLES_PAGE

    def page_url(self) -> str:
        if self.is_tables:
            return reverse("rules:tables")
        return f"{reverse('rules:results')}?{self.answers}"
