"""The editors' admin: reword explanations, never change verdicts or the set of rules;
read savers' feedback and mark it dealt with."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from simple_history.admin import SimpleHistoryAdmin

from rules import content
from rules.content.diff import diff_html, plain_html
from rules.editor import markup
from rules.law import clock, engine
from rules.law import vocabulary as v
from rules.models import HELP_TEXTS, Explanation
from rules.web import presenters

# The editors' site carries the product's name, not Django's.
admin.site.site_header = f"{settings.SITE_NAME} \u2013 editors"
admin.site.site_title = f"{settings.SITE_NAME} \u2013 editors"
admin.site.index_title = "Explanations and feedback"
admin.site.site_url = "/"


class ReviewDueFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("due", "Due for review"), ("ok", "Up to date")]

    def queryset(self, request, queryset):
        if self.value() not in ("due", "ok"):
            return queryset
        today = clock.today()
        due = [t.pk for t in queryset if t.review_state(today).due]
        if self.value() == "due":
            return queryset.filter(pk__in=due)
        return queryset.exclude(pk__in=due)


class TranslationFilter(admin.SimpleListFilter):
    title = "Spanish"
    parameter_name = "spanish"

    def lookups(self, request, model_admin):
        return [("needed", "Needs translation"), ("ok", "Translated")]

    def queryset(self, request, queryset):
        if self.value() not in ("needed", "ok"):
            return queryset
        needed = [t.pk for t in queryset if t.needs_translation]
        if self.value() == "needed":
            return queryset.filter(pk__in=needed)
        return queryset.exclude(pk__in=needed)


TRANSLATION_CURRENT = "This Spanish translates the English as it is now"


class ExplanationForm(forms.ModelForm):
    translation_current = forms.BooleanField(
        label=TRANSLATION_CURRENT,
        required=False,
        help_text="Tick when you have checked the Spanish against the English as you save "
        "them both: the text stops showing “needs translation”. Leave it unticked when "
        "you changed the English and the Spanish still says the old thing; the Spanish "
        "page keeps showing the Spanish until it is updated.",
    )

    class Meta:
        model = Explanation
        fields = (
            "explanation",
            "instead",
            "last_reviewed",
            "editor_note",
            "explanation_es",
            "instead_es",
        )
        help_texts = HELP_TEXTS

    def clean(self) -> dict:
        """A text longer than markup.MAX_SOURCE characters is refused, in words (NL2); the
        translation tick needs both Spanish texts."""
        data = super().clean()
        for field in ("explanation", "instead", "explanation_es", "instead_es"):
            text = data.get(field) or ""
            if len(text) > markup.MAX_SOURCE:
                self.add_error(
                    field,
                    f"This text has {len(text):,} characters; the most a text may have is "
                    f"{markup.MAX_SOURCE:,}. Shorten it: a results page is read on a phone.",
                )
        if data.get("translation_current") and not (
            data.get("explanation_es") and data.get("instead_es")
        ):
            self.add_error("translation_current", "Write both Spanish texts before ticking this.")
        return data


FIELD_LABELS = {
    "explanation": "Explanation",
    "instead": "What to do next",
    "explanation_es": "Explanation (Spanish)",
    "instead_es": "What to do next (Spanish)",
}


@admin.register(Explanation)
class ExplanationAdmin(SimpleHistoryAdmin):
    form = ExplanationForm
    # The history says which version is live and which came with an update of the site
    # rather than from an editor (issue 25 #21).
    history_list_display = ["version"]
    list_display = ("rule_id", "outcome", "last_reviewed", "review", "spanish", "updated_at")
    list_filter = (ReviewDueFilter, TranslationFilter, "last_reviewed")
    search_fields = (
        "rule_id",
        "explanation",
        "instead",
        "editor_note",
        "explanation_es",
        "instead_es",
    )
    readonly_fields = (
        "rule_id",
        "outcome",
        "review",
        "shipped_change",
        "translation",
        "engine_text",
        "results_page",
        "preview",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (
            "Decided by the engine (not editable)",
            {
                "fields": ("rule_id", "outcome", "engine_text", "results_page"),
                "description": "The engine decides which rule applies; its verdict and "
                "headline are not editable here.",
            },
        ),
        (
            "Your text",
            {
                "fields": (
                    "explanation",
                    "instead",
                    "last_reviewed",
                    "review",
                    "shipped_change",
                    "editor_note",
                ),
                "description": "The shipped text of each rule is in rules/content/en/; a "
                "change saved here stays until an editor changes it again.",
            },
        ),
        (
            "Spanish",
            {
                "fields": ("translation", "explanation_es", "instead_es", "translation_current"),
                "description": "The Spanish results pages (/es/…) show these. The shipped "
                "Spanish is in rules/content/es/; a change saved here stays until an editor "
                "changes it again.",
            },
        ),
        ("Preview", {"fields": ("preview",)}),
        ("Dates", {"fields": ("created_at", "updated_at")}),
    )

    # The set of rows is the set of engine rules: the content loader adds a row when a
    # rule's file is added, and the system check reports any gap. Editors only change words.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Explanation | None = None) -> bool:
        return False

    @admin.display(description="outcome")
    def outcome(self, obj: Explanation) -> str:
        rule = obj.rule
        return v.OUTCOMES[rule.outcome].label if rule else "Unknown rule (not in the engine)"

    @admin.display(description="review")
    def review(self, obj: Explanation) -> SafeString:
        # Due when the review is over a year old, or the rule's years, situations,
        # outcome or citations changed since (rules/editor/review.py). Setting a new
        # "last reviewed" date records the rule as it is now.
        state = obj.review_state()
        if not state.due:
            return format_html('<span class="review-ok">{}</span>', state)
        return format_html('<strong class="review-due">{}</strong>', state)

    @admin.display(description="shipped text changed")
    def shipped_change(self, obj: Explanation) -> SafeString | str:
        # The loader (rules/content/loader.py) keeps an editor's change when the shipped
        # text changes under it, and records the shipped text the change was based on.
        changes = obj.shipped_changes()
        if not changes:
            return "No change in the shipped text is waiting for review."
        parts = []
        for name, (earlier, shipped) in changes.items():
            parts.append(
                format_html(
                    "<p><strong>{}</strong>: the shipped text changed after this text was "
                    "changed here, so your wording was kept. Struck-through words left the "
                    "shipped text, underlined words came into it:</p>"
                    '<div class="shipped-diff">{}</div>'
                    "<p>The new shipped text in full:</p>"
                    '<div class="shipped-new">{}</div>',
                    FIELD_LABELS[name],
                    mark_safe(diff_html(earlier, shipped)),  # escaped by diff_html
                    mark_safe(plain_html(shipped)),
                )
            )
        parts.append(
            format_html(
                "<p>{}</p>",
                "Take over what you need, then set a new “last reviewed” date and save: "
                "that marks the change reviewed.",
            )
        )
        return mark_safe("".join(parts))  # each part built by format_html

    @admin.display(description="Spanish")
    def spanish(self, obj: Explanation) -> SafeString:
        if obj.needs_translation:
            return format_html(
                '<strong class="translation-needed">{}</strong>', "Needs translation"
            )
        return format_html('<span class="translation-ok">{}</span>', "Translated")

    @admin.display(description="translation")
    def translation(self, obj: Explanation) -> SafeString | str:
        # The English the Spanish translates, found by its fingerprint in the shipped text or
        # the history, against the English now: what the translator has to carry over.
        if not obj.needs_translation:
            return "The Spanish translates the English as it is now."
        if not (obj.explanation_es and obj.instead_es):
            return "Needs translation: there is no Spanish yet."
        earlier = translated_english(obj)
        if earlier is None:
            return (
                "Needs translation: the English changed since the Spanish was last said to "
                "translate it (the earlier English is not in the history)."
            )
        parts = [
            format_html(
                "<p><strong>{}</strong> changed since the Spanish was translated. Struck-"
                "through words left the English, underlined words came into it:</p>"
                '<div class="shipped-diff">{}</div>',
                FIELD_LABELS[name],
                mark_safe(diff_html(before, getattr(obj, name))),  # escaped by diff_html
            )
            for name, before in zip(("explanation", "instead"), earlier, strict=True)
            if before != getattr(obj, name)
        ]
        parts.append(
            format_html(
                "<p>{}</p>",
                "Update the Spanish below, tick “" + TRANSLATION_CURRENT + "” and save. "
                "Until then the Spanish page shows the Spanish as it is.",
            )
        )
        return mark_safe("".join(parts))  # each part built by format_html

    def save_model(self, request, obj: Explanation, form, change: bool) -> None:
        # A browser sends a text box's lines ended by CR LF: stored as LF, so a text that
        # was not edited is not a change in its history (issue 25 #21).
        for name in ("explanation", "instead", "editor_note"):
            setattr(obj, name, getattr(obj, name).replace("\r\n", "\n"))
        # A new review date: the editor has looked at the shipped change too.
        if "last_reviewed" in form.changed_data:
            obj.mark_shipped_changes_reviewed()
        if form.cleaned_data.get("translation_current"):
            obj.mark_translated()
        super().save_model(request, obj, form, change)

    @admin.display(description="what the engine says")
    def engine_text(self, obj: Explanation) -> SafeString | str:
        rule = obj.rule
        answers = engine.example_answers(obj.rule_id, clock.current_tax_year())
        if rule is None or answers is None:
            return "This rule is no longer in the engine; the text is never shown."
        # The headline and reason as the example results page fills them in.
        d = engine.determine(answers)
        return format_html(
            "<strong>{}</strong><br>{}<br><em>Applies to:</em> {}",
            d.headline,
            d.reason,
            rule.situation,
        )

    @admin.display(description="Version")
    def version(self, record) -> str:
        latest = Explanation.history.filter(rule_id=record.rule_id).latest("history_date")
        if record.history_id == latest.history_id:
            return "Live now"
        now = Explanation.objects.filter(rule_id=record.rule_id).first()
        if record.history_user_id is None and now is not None and (
            record.explanation != now.shipped_explanation or record.instead != now.shipped_instead
        ):
            return "Older shipped text: reverting brings back words an update replaced"
        return ""

    @admin.display(description="see it live")
    def results_page(self, obj: Explanation) -> SafeString | str:
        current = clock.current_tax_year()
        answers = engine.example_answers(obj.rule_id, current)
        if answers is None:
            return "No answers lead to this rule."
        url = presenters.results_url(answers, current)
        return format_html(
            '<a href="{}">{}</a><br>One results page decided by this rule; others use the '
            "same text.",
            url,
            url,
        )

    @admin.display(description="preview")
    def preview(self, obj: Explanation) -> SafeString:
        # Rendered from the saved Markdown with the same sanitiser as the site, so
        # this is exactly what the results page shows. Save and continue editing to
        # refresh it.
        return format_html(
            "<p><strong>Why</strong></p>{}<p><strong>What to do next</strong></p>{}"
            '<div lang="es"><p><strong>Por qué</strong></p>{}'
            "<p><strong>Qué hacer ahora</strong></p>{}</div>"
            "<p>Save and continue editing to refresh this preview.</p>",
            mark_safe(markup.render(obj.explanation)),  # sanitised by nh3
            mark_safe(markup.render(obj.instead)),
            mark_safe(markup.render(obj.explanation_es)),
            mark_safe(markup.render(obj.instead_es)),
        )


HISTORY_LOOKBACK = 200  # history entries searched for the English a Spanish translates


def translated_english(obj: Explanation) -> tuple[str, str] | None:
    """The English (explanation, instead) whose fingerprint the row's Spanish names: the
    shipped English, or an earlier version in the row's history; None if neither."""
    wanted = obj.translated_from
    if not wanted:
        return None
    if content.fingerprint(obj.shipped_explanation, obj.shipped_instead) == wanted:
        return obj.shipped_explanation, obj.shipped_instead
    versions = obj.history.order_by("-history_date").values_list("explanation", "instead")
    for why, steps in versions[:HISTORY_LOOKBACK]:
        if content.fingerprint(why, steps) == wanted:
            return why, steps
    return None
