"""Editor text: what the results page says about each rule.

Verdicts are code (rules/engine.py); the words around them are data, one row
per engine rule, so staff can improve them in the admin without a deploy.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from rules import markup
from rules.rulebook import RULES_BY_ID, Rule

EDITORS_GROUP = "Editors"

MARKDOWN_HELP = (
    "Markdown: leave a blank line between paragraphs; *italic*, **bold**; a list is lines "
    "starting with “- ” or “1. ”; a link is [words](https://…); `code`; “> ” for a quote; "
    "any heading (#, ##, ###) becomes a small subheading. Removed when you save: HTML tags "
    "(their text stays, except scripts and styles), images, and links that do not start "
    "with https://, http://, mailto: or /."
)


def validate_rule_id(value: str) -> None:
    if value not in RULES_BY_ID:
        raise ValidationError(f"“{value}” is not a rule in the engine.", code="unknown_rule")


class Explanation(models.Model):
    rule_id = models.SlugField(
        "rule",
        primary_key=True,
        max_length=64,
        validators=[validate_rule_id],
        help_text="The engine rule this text explains. Fixed: the engine decides which rule "
        "applies, and its verdict and headline are not editable here.",
    )
    explanation = models.TextField(
        "explanation",
        help_text="Shown under “Why” on the results page, below the engine’s verdict, "
        "headline and one-line reason. Two to four short paragraphs in plain words; name "
        "the law and figures you rely on. " + MARKDOWN_HELP,
    )
    instead = models.TextField(
        "what you can do instead",
        help_text="Shown under “What you can do instead” (or under the list of kinds of "
        "money, for the two “not sure” rules). A short list of practical next steps works "
        "best. Same Markdown as above.",
    )
    explanation_html = models.TextField(editable=False)
    instead_html = models.TextField(editable=False)
    editor_note = models.TextField(
        "note for editors",
        blank=True,
        help_text="Never shown on the site: what you checked, what is uncertain, what to "
        "look at again.",
    )
    last_reviewed = models.DateField(
        "last reviewed",
        help_text="The day someone last checked this text against the law and the sources "
        "the rule cites. Shown on the results page: change it only when you have done that.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The rendered HTML is derived from the Markdown and updated_at changes on every
    # save, so neither belongs in the change history (a revert re-renders on save).
    history = HistoricalRecords(excluded_fields=["explanation_html", "instead_html", "updated_at"])

    class Meta:
        ordering = ["rule_id"]

    def __str__(self) -> str:
        return self.rule_id

    def save(self, *args, **kwargs) -> None:
        self.explanation_html = markup.render(self.explanation)
        self.instead_html = markup.render(self.instead)
        if kwargs.get("update_fields") is not None:
            fields = set(kwargs["update_fields"])
            if "explanation" in fields:
                fields.add("explanation_html")
            if "instead" in fields:
                fields.add("instead_html")
            kwargs["update_fields"] = fields
        super().save(*args, **kwargs)

    @property
    def rule(self) -> Rule | None:
        return RULES_BY_ID.get(self.rule_id)
