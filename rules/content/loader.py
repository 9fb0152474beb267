"""Puts the shipped texts (rules/content/en/) into the database, never over an editor's change.

For each rule's file, `load()`:

- adds the row when there is none (with a first history entry);
- updates each text field still as the files last shipped it (no editor changed it);
- leaves a field an editor changed alone. When the shipped text of such a field
  changes, the row keeps the shipped text the editor's change was based on
  (`earlier_<field>`) beside the new one (`shipped_<field>`): the admin shows the
  row "due for review" with a diff, until the editor sets a new "last reviewed"
  date or takes the shipped text over;
- moves "last reviewed" to the file's `reviewed:` date when that is later and the
  row's texts are the shipped ones (a later review of the same text counts too).

Every change to a row is saved through the model (its HTML rendered, its review
fingerprint recorded) and recorded in its history with the reason and the file.
Running it again changes nothing. A database from before the content files
(rules 0008 and earlier) has no shipped text on its rows: a field equal to its
file is taken as shipped, any other as an editor's change.

`migrate` runs it after the rules app's migrations (rules.apps), and so does a
test database's flush; `manage.py load_content` runs it by hand.

The Spanish (rules/content/es/) goes into the same rows (`explanation_es`,
`instead_es`) by the same rules: a Spanish field an editor changed is never
overwritten, and keeps the shipped Spanish it was based on for the diff. When the
loader writes a file's Spanish, the row records the fingerprint of the English it
translates (the file's `translates:`) in `translated_from`; a row whose English
differs from that (an editor changed the English, or the Spanish shipped is stale)
"needs translation" in the admin, and its Spanish page keeps the Spanish it has.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from rules import content
from rules.law import audiences
from rules.law.rulebook import RULES_BY_ID
from rules.models import SPANISH_FIELDS, TEXT_FIELDS, Explanation

REASON_MAX = 100  # history_change_reason's length


@dataclass
class Report:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    due_for_review: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    without_file: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.due_for_review)

    def __str__(self) -> str:
        parts = [
            f"{len(self.added)} added",
            f"{len(self.updated)} updated",
            f"{len(self.due_for_review)} kept an editor's change, now due for review",
            f"{len(self.unchanged)} unchanged",
        ]
        line = "Content: " + ", ".join(parts) + "."
        if self.due_for_review:
            line += " Due for review: " + ", ".join(self.due_for_review) + "."
        if self.without_file:
            line += " Rows without a content file: " + ", ".join(self.without_file) + "."
        return line


def validate(texts: dict[str, content.ShippedText]) -> None:
    """Files for rules the engine does not have, or tags no saver would match, are errors."""
    problems = []
    for rule_id, text in texts.items():
        if rule_id not in RULES_BY_ID:
            problems.append(f"{text.name}: {rule_id!r} is not a rule in the engine")
        for name in TEXT_FIELDS:
            unknown = audiences.complaint(getattr(text, name))
            if unknown:
                problems.append(f"{text.name}: {unknown}")
    if problems:
        raise content.ContentError("; ".join(problems))


def load(
    texts: dict[str, content.ShippedText] | None = None,
    spanish: dict[str, content.ShippedText] | None = None,
    *,
    using: str = "default",
) -> Report:
    """Sync the shipped texts (by default every file in rules/content/en/) and their Spanish
    (by default rules/content/es/) into the rows."""
    texts = content.read(content.DEFAULT_LANGUAGE) if texts is None else texts
    if spanish is None:
        spanish = (
            content.read(content.TRANSLATION)
            if content.folder(content.TRANSLATION).is_dir()
            else {}
        )
    validate(texts)
    validate(spanish)
    report = Report()
    with transaction.atomic(using=using):
        rows = {row.rule_id: row for row in Explanation.objects.using(using).all()}
        for rule_id, text in sorted(texts.items()):
            row = rows.get(rule_id)
            if row is None:
                _add(text, spanish.get(rule_id), using)
                report.added.append(rule_id)
            else:
                _sync(row, text, spanish.get(rule_id), using, report)
        report.without_file = sorted(set(rows) - set(texts))
    return report


def _reason(*parts: str) -> str:
    reason = "; ".join(parts)
    return reason if len(reason) <= REASON_MAX else reason[: REASON_MAX - 1] + "…"


def _add(text: content.ShippedText, es: content.ShippedText | None, using: str) -> None:
    row = Explanation(
        rule_id=text.rule_id,
        explanation=text.explanation,
        instead=text.instead,
        editor_note=text.editor_note,
        last_reviewed=text.reviewed,
        shipped_explanation=text.explanation,
        shipped_instead=text.instead,
        shipped_note=text.editor_note,
    )
    if es is not None:
        _merge_spanish(row, es)
    row._change_reason = _reason(f"Shipped text added from {text.name}")
    row.save(using=using, force_insert=True)


def _merge_spanish(row: Explanation, es: content.ShippedText) -> tuple[list, list, bool]:
    """The file's Spanish into the row: (fields written, fields an editor changed whose shipped
    Spanish changed, whether the record of what shipped changed)."""
    written: list[str] = []
    flagged: list[str] = []
    bookkeeping = False
    for name in SPANISH_FIELDS:
        new = getattr(es, name.removesuffix("_es"))
        shipped, current = getattr(row, f"shipped_{name}"), getattr(row, name)
        if new == shipped and current:
            continue
        bookkeeping = bookkeeping or new != shipped
        setattr(row, f"shipped_{name}", new)
        if current == new:
            continue
        if not current or current == shipped:
            setattr(row, name, new)  # no Spanish yet, or no editor changed it
            written.append(name)
        else:
            if not getattr(row, f"earlier_{name}"):
                setattr(row, f"earlier_{name}", shipped)
            flagged.append(name)
    # The Spanish the file gave translates the English its file names; an editor's Spanish
    # keeps what the editor said it translates.
    in_step = all(getattr(row, n) == getattr(row, f"shipped_{n}") for n in SPANISH_FIELDS)
    if in_step and (written or not row.translated_from) and row.translated_from != es.translates:
        row.translated_from = es.translates
        written.append("translated_from")
    return written, flagged, bookkeeping


def _sync(
    row: Explanation,
    text: content.ShippedText,
    es: content.ShippedText | None,
    using: str,
    report: Report,
) -> None:
    written: list[str] = []  # fields given the new shipped text
    flagged: list[str] = []  # fields an editor changed whose shipped text changed
    bookkeeping = False  # shipped_* or earlier_* changed
    for name, new in [*((n, getattr(text, n)) for n in TEXT_FIELDS), ("note", text.editor_note)]:
        attr = "editor_note" if name == "note" else name
        shipped, current = getattr(row, f"shipped_{name}"), getattr(row, attr)
        if new == shipped:
            continue
        bookkeeping = True
        setattr(row, f"shipped_{name}", new)
        if not shipped:
            continue  # never loaded: the row's text, whatever it is, stays
        if current == shipped:
            setattr(row, attr, new)
            written.append(attr)
        elif name == "note":
            continue  # an editor's note stays, and needs no review
        elif current == new:
            setattr(row, f"earlier_{name}", "")  # the editor wrote the new text already
        else:
            # Keep the shipped text the editor's change was based on, for the diff (the
            # oldest one, if the shipped text changed twice before a review).
            if not getattr(row, f"earlier_{name}"):
                setattr(row, f"earlier_{name}", shipped)
            flagged.append(name)
    in_step = all(getattr(row, n) == getattr(row, f"shipped_{n}") for n in TEXT_FIELDS)
    reviewed = in_step and text.reviewed > row.last_reviewed
    if reviewed:
        row.last_reviewed = text.reviewed
    es_written, es_flagged = [], []
    if es is not None:
        es_written, es_flagged, es_bookkeeping = _merge_spanish(row, es)
        bookkeeping = bookkeeping or es_bookkeeping
        written += es_written
        flagged += es_flagged
    if not (written or flagged or reviewed):
        if bookkeeping:
            # Only the record of what shipped: no change an editor or a saver would see.
            names = (*TEXT_FIELDS, *SPANISH_FIELDS)
            Explanation.objects.using(using).filter(pk=row.pk).update(
                **{f"shipped_{n}": getattr(row, f"shipped_{n}") for n in (*names, "note")},
                **{f"earlier_{n}": getattr(row, f"earlier_{n}") for n in names},
            )
        report.unchanged.append(row.rule_id)
        return
    parts = []
    if written:
        parts.append(f"Shipped text updated ({', '.join(written)})")
        if es_written:
            parts[-1] += f" from {text.name} and {es.name}"
    elif reviewed:
        parts.append("Shipped text reviewed again")
    if flagged:
        parts.append(f"editor's {' and '.join(flagged)} kept, due for review")
    if not es_written:
        parts.append(f"from {text.name}")
    row._change_reason = _reason(*parts)
    row.save(using=using)
    (report.due_for_review if flagged else report.updated).append(row.rule_id)
