"""The Spanish editor texts: rules/content/es/ translates every English file as it is now,
with the same [For ...] tags, figures, citations and terms; the rows keep the Spanish beside
the English, an editor's Spanish is never overwritten, and a Spanish page keeps its Spanish
when the English changes (the admin says it needs translation)."""

from __future__ import annotations

import dataclasses
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from rules import content
from rules.content.loader import load
from rules.editor import markup, texts
from rules.models import Explanation

EN = content.read("en")
ES = content.read("es")
RULE = "wash-sale-deferred"
TERMS_FILE = content.folder("es") / "TERMS.md"
HOW_TO_UPDATE = (
    "translate the change into {es} (keep its [For ...] tags, figures and citations), "
    "then set its front matter to 'translates: {fp}'. `make translations` lists every "
    "stale file."
)


# --- The files


def test_every_english_file_has_a_spanish_file_and_no_other():
    assert sorted(ES) == sorted(EN)
    names = sorted(p.name for p in content.folder("es").iterdir())
    assert names == sorted([f"{r}.md" for r in EN] + ["TERMS.md"])


@pytest.mark.parametrize("rule_id", sorted(EN))
def test_each_spanish_file_translates_the_english_as_it_is_now(rule_id):
    es, fp = ES[rule_id], EN[rule_id].fingerprint
    assert es.translates == fp, (
        f"{es.name} translates an earlier {EN[rule_id].name} (translates: {es.translates}, "
        f"the English is now {fp}): " + HOW_TO_UPDATE.format(es=es.name, fp=fp)
    )


def test_a_changed_english_makes_its_spanish_stale_and_says_how_to_update(monkeypatch):
    changed = dataclasses.replace(EN[RULE], explanation=EN[RULE].explanation + " More.")
    english = {**EN, RULE: changed}
    monkeypatch.setattr(content, "read", lambda lang="en": english if lang == "en" else ES)
    assert content.stale() == [(ES[RULE].name, ES[RULE].translates, changed.fingerprint)]
    assert changed.fingerprint != ES[RULE].translates


@pytest.mark.parametrize("rule_id", sorted(EN))
def test_each_spanish_file_reads_back_as_it_would_be_written(rule_id):
    path = ES[rule_id].path
    source = path.read_text(encoding="utf-8")
    assert content.render(ES[rule_id]) == source
    assert "\n# Explicación\n" in source and "\n# Qué hacer ahora\n" in source


def _pieces(text: str) -> list[tuple[str, str]]:
    """Each paragraph and list item of a text with the audience its tag gives it."""
    html = markup.render(text)
    return re.findall(r'<(p|li)(?: data-for="([^"]*)")?>', html)


@pytest.mark.parametrize("rule_id", sorted(EN))
@pytest.mark.parametrize("field", ["explanation", "instead"])
def test_each_spanish_piece_is_for_the_same_savers_as_the_english(rule_id, field):
    english, spanish = getattr(EN[rule_id], field), getattr(ES[rule_id], field)
    assert _pieces(spanish) == _pieces(english), (
        f"{ES[rule_id].name}: its paragraphs and steps must be the English's, one for one, "
        "with the same [For ...] tags"
    )


NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@pytest.mark.parametrize("rule_id", sorted(EN))
def test_figures_citations_forms_and_links_carry_over(rule_id):
    for field in ("explanation", "instead"):
        english, spanish = getattr(EN[rule_id], field), getattr(ES[rule_id], field)
        spanish_figures = re.sub(r"Anexo ([AD]) \(Formulario 1040\)", r"Anexo \1", spanish)
        assert set(NUMBER.findall(spanish_figures)) == set(NUMBER.findall(english)), rule_id
        assert re.findall(r"\]\((\S+)\)", spanish) == re.findall(r"\]\((\S+)\)", english)
        forms = set(re.findall(r"\bForm (\d[\w-]*)", english))
        assert forms <= set(re.findall(r"\bFormulario (\d[\w-]*)", spanish)), rule_id
        assert not re.search(r"\bForm \d", spanish), rule_id


# --- The terms (rules/content/es/TERMS.md)


@dataclasses.dataclass(frozen=True)
class Term:
    english: str
    spanish: str
    checked: bool
    wrong: tuple[str, ...]


def terms() -> list[Term]:
    rows = []
    for line in TERMS_FILE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("English", "") or set(cells[0]) <= {"-"}:
            continue
        wrong = tuple(w.strip() for w in cells[3].split(";") if w.strip())
        rows.append(Term(cells[0], cells[1], cells[2] == "yes", wrong))
    return rows


TERMS = terms()
SPANISH_SMALL_WORDS = {"de", "la", "el", "un", "una", "a", "con", "para", "del", "se", "por"}


def _english_pattern(term: str) -> re.Pattern:
    words = [re.escape(w) for w in re.split(r"[ -]", term)]
    return re.compile(r"\b" + r"[ -]".join(w + "s?" for w in words) + r"\b", re.IGNORECASE)


def _spanish_pattern(term: str) -> re.Pattern:
    parts = []
    for word in term.split():
        w = re.escape(word)
        if word.lower() in SPANISH_SMALL_WORDS or word.isupper() or not word[-1].isalpha():
            parts.append(w)
        elif word.endswith("ón"):
            parts.append(re.escape(word[:-2]) + "(?:ón|ones)")
        elif word[-1] in "aeiouáéíóú":
            parts.append(w + "s?")
        else:
            parts.append(w + "(?:es)?")
    return re.compile(r"\b" + r"\s+".join(parts) + r"\b", re.IGNORECASE)


def _prose(text: str) -> str:
    """A text without its [For ...] tags, which stay in English."""
    return re.sub(r"(?m)^(\s*(?:- |\d+\. )?)\[[^\]]*\]", r"\1", text)


def test_the_terms_list_is_read():
    assert len(TERMS) >= 30
    assert {"wash sale", "traditional IRA", "Form 8949", "basis"} <= {t.english for t in TERMS}
    assert next(t for t in TERMS if t.english == "wash sale").spanish == "venta ficticia"


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.english)
def test_each_term_is_said_one_way_in_every_spanish_file(term):
    english_term = _english_pattern(term.english)
    spanish_term = _spanish_pattern(term.spanish)
    for rule_id, es in ES.items():
        prose = _prose(f"{es.explanation}\n{es.instead}")
        for wrong in term.wrong:
            assert wrong.lower() not in prose.lower(), (
                f"{es.name} says “{wrong}”: TERMS.md has “{term.spanish}” for “{term.english}”"
            )
        english = _prose(f"{EN[rule_id].explanation}\n{EN[rule_id].instead}")
        if term.checked and english_term.search(english):
            assert spanish_term.search(prose), (
                f"{EN[rule_id].name} says “{term.english}”; {es.name} should say "
                f"“{term.spanish}” (TERMS.md)"
            )


def test_the_terms_check_finds_a_wrong_wording():
    term = next(t for t in TERMS if t.english == "wash sale")
    assert any(w in "Una venta de lavado ocurre" for w in term.wrong)
    assert _spanish_pattern("venta ficticia").search("las ventas ficticias")
    assert _spanish_pattern("deducción detallada").search("deducciones detalladas")
    assert not _spanish_pattern("venta ficticia").search("venta simulada")


# --- The rows: loading, editors' Spanish, needs translation


pytestmark = pytest.mark.django_db


def row(rule_id: str = RULE) -> Explanation:
    return Explanation.objects.get(rule_id=rule_id)


def test_a_migrated_database_has_every_spanish_text_translated():
    for text in Explanation.objects.all():
        assert text.explanation_es == ES[text.rule_id].explanation
        assert text.instead_es == ES[text.rule_id].instead
        assert text.translated_from == EN[text.rule_id].fingerprint
        assert not text.needs_translation
        assert text.explanation_es_html == markup.render(text.explanation_es)


def test_loading_again_changes_nothing():
    before = Explanation.history.count()
    report = load()
    assert report.unchanged == sorted(EN) and not report.changed
    assert Explanation.history.count() == before


def test_the_loader_keeps_an_editors_spanish_and_flags_a_new_shipped_spanish():
    text = row()
    text.explanation_es = "La explicación propia de una editora."
    text.save()
    assert load().unchanged == sorted(EN)  # the same files: the editor's Spanish stays
    assert row().explanation_es == "La explicación propia de una editora."

    new = dataclasses.replace(ES[RULE], explanation="Una explicación nueva.\n\nMás.")
    report = load(spanish={**ES, RULE: new})
    assert report.due_for_review == [RULE]
    text = row()
    assert text.explanation_es == "La explicación propia de una editora."
    assert text.shipped_explanation_es == "Una explicación nueva.\n\nMás."
    # The shipped Spanish the editor's change was based on, for the diff.
    assert text.shipped_changes() == {
        "explanation_es": (ES[RULE].explanation, "Una explicación nueva.\n\nMás.")
    }


def test_an_unchanged_spanish_takes_the_new_shipped_spanish():
    new = dataclasses.replace(ES[RULE], instead="- Un paso nuevo.")
    assert load(spanish={**ES, RULE: new}).updated == [RULE]
    assert row().instead_es == "- Un paso nuevo."
    assert "Un paso nuevo." in row().instead_es_html
    assert load(spanish={**ES, RULE: new}).unchanged == sorted(EN)


def test_an_english_change_makes_the_spanish_need_translation():
    text = row()
    text.explanation = text.explanation + " An editor's added sentence."
    text.save()
    assert row().needs_translation
    assert row().explanation_es == ES[RULE].explanation  # the last Spanish is kept
    load()  # the files do not clear it: the row's English is the editor's
    assert row().needs_translation

    text = row()
    text.mark_translated()
    text.save()
    assert not row().needs_translation


def test_a_shipped_english_change_with_its_spanish_keeps_both_in_step():
    en = dataclasses.replace(EN[RULE], explanation=EN[RULE].explanation + " Shipped more.")
    es = dataclasses.replace(
        ES[RULE], explanation=ES[RULE].explanation + " Más.", translates=en.fingerprint
    )
    load({**EN, RULE: en}, {**ES, RULE: es})
    text = row()
    assert text.explanation.endswith("Shipped more.") and text.explanation_es.endswith("Más.")
    assert not text.needs_translation
    # A release whose English changed and whose Spanish did not: flagged, Spanish kept.
    en2 = dataclasses.replace(en, instead=en.instead + "\n- One more step.")
    load({**EN, RULE: en2}, {**ES, RULE: es})
    assert row().needs_translation and row().explanation_es == es.explanation


# --- What the results page reads


def test_the_texts_accessor_gives_the_spanish_when_asked():
    texts.forget()
    spanish = texts.explanation(RULE, "es")
    assert spanish.lang == "es" and "venta ficticia" in spanish.explanation_html
    assert texts.explanation(RULE, "es-us").lang == "es"
    english = texts.explanation(RULE)
    assert english.lang == "en" and "wash sale" in english.explanation_html
    from django.utils import translation

    with translation.override("es"):
        assert texts.explanation(RULE).lang == "es"


def test_after_an_english_change_the_spanish_page_keeps_the_last_spanish():
    text = row()
    text.explanation = "An editor's new English."
    text.save()
    texts.forget()
    spanish = texts.explanation(RULE, "es")
    assert spanish.lang == "es"
    assert "venta ficticia" in spanish.explanation_html
    assert "new English" not in spanish.explanation_html


def test_a_row_without_spanish_gives_the_english_marked_as_english():
    Explanation.objects.filter(rule_id=RULE).update(explanation_es_html="", instead_es_html="")
    texts.forget()
    text = texts.explanation(RULE, "es")
    assert text.lang == "en" and "wash sale" in text.explanation_html


def test_with_the_database_down_the_spanish_comes_from_the_files(monkeypatch):
    texts.forget()

    class Down:
        def cursor(self):
            from django.db import OperationalError

            raise OperationalError("down")

    monkeypatch.setattr(texts, "connection", Down())
    text = texts.explanation(RULE, "es")
    assert text.lang == "es" and text == texts.seeded("es")[RULE]
    assert texts.seeded("es")[RULE].explanation_html == row().explanation_es_html


# --- The admin


@pytest.fixture
def editor_client(client):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("ana", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def _post(client, text: Explanation, **changes):
    data = {
        "explanation": text.explanation,
        "instead": text.instead,
        "last_reviewed": text.last_reviewed.isoformat(),
        "editor_note": text.editor_note,
        "explanation_es": text.explanation_es,
        "instead_es": text.instead_es,
        "_save": "Save",
        **changes,
    }
    return client.post(f"/admin/rules/explanation/{text.rule_id}/change/", data)


def test_the_admin_lists_and_filters_what_needs_translation_and_the_tick_clears_it(
    editor_client,
):
    assert _post(editor_client, row(), explanation="An editor's new English.").status_code == 302
    listing = editor_client.get("/admin/rules/explanation/?spanish=needed")
    assert [t.rule_id for t in listing.context["cl"].result_list] == [RULE]
    assert "Needs translation" in listing.content.decode()
    page = editor_client.get(f"/admin/rules/explanation/{RULE}/change/").content.decode()
    assert "This Spanish translates the English as it is now" in page
    assert "changed since the Spanish was translated" in page  # the English's diff
    assert 'name="explanation_es"' in page

    r = _post(editor_client, row(), explanation_es="Explicación nueva.", translation_current="on")
    assert r.status_code == 302
    assert not row().needs_translation and row().explanation_es == "Explicación nueva."
    assert (
        editor_client.get("/admin/rules/explanation/?spanish=needed").context["cl"].result_count
        == 0
    )
    # History: the Spanish change and the tick are in it, and revert can restore them.
    latest = Explanation.history.filter(rule_id=RULE).first()
    assert latest.explanation_es == "Explicación nueva."
    assert latest.translated_from == content.fingerprint(row().explanation, row().instead)


def test_the_tick_needs_both_spanish_texts(editor_client):
    r = _post(editor_client, row(), explanation_es="", translation_current="on")
    assert r.status_code == 200 and "Write both Spanish texts" in r.content.decode()


# --- Upgrading a database from before the Spanish


@pytest.mark.django_db(transaction=True)
def test_a_database_at_0009_upgrades_with_its_editors_english_and_gets_the_spanish():
    at_0009 = ("rules", "0009_shipped_text")
    executor = MigrationExecutor(connection)
    executor.migrate([at_0009])
    apps = MigrationExecutor(connection).loader.project_state(at_0009).apps
    Row = apps.get_model("rules", "Explanation")
    Row.objects.all().delete()  # the two rows as the 0009 loader left them, one edited
    for rule_id in (RULE, "capital-loss-sale"):
        en = EN[rule_id]
        Row.objects.create(
            rule_id=rule_id,
            explanation=en.explanation,
            instead=en.instead,
            explanation_html=markup.render(en.explanation),
            instead_html=markup.render(en.instead),
            editor_note=en.editor_note,
            last_reviewed=en.reviewed,
            shipped_explanation=en.explanation,
            shipped_instead=en.instead,
            shipped_note=en.editor_note,
        )
    Row.objects.filter(rule_id=RULE).update(explanation="An editor's English, kept.")
    history_before = Explanation.history.filter(rule_id=RULE).count()

    call_command("migrate", "rules", verbosity=0)  # 0010, then the loader (post_migrate)

    text = row()
    assert text.explanation == "An editor's English, kept."
    assert text.explanation_es == ES[RULE].explanation  # the Spanish arrived
    assert text.needs_translation  # it translates the shipped English, not the editor's
    assert Explanation.history.filter(rule_id=RULE).count() == history_before + 1
    other = row("capital-loss-sale")
    assert other.explanation == EN["capital-loss-sale"].explanation
    assert not other.needs_translation


# --- make translations


def test_the_stale_list_names_each_file_and_the_fingerprint_to_set(monkeypatch, capsys):
    from scripts import translations

    assert translations.main([]) == 0
    assert f"All {len(EN)} Spanish texts" in capsys.readouterr().out
    monkeypatch.setattr(
        content, "stale", lambda: [(ES[RULE].name, ES[RULE].translates, "0123456789abcdef")]
    )
    assert translations.main(["--diff"]) == 1
    out = capsys.readouterr().out
    assert f"{ES[RULE].name}: translates {ES[RULE].translates}" in out
    assert "set 'translates: 0123456789abcdef'" in out
    assert EN[RULE].explanation.split(". ")[0] in out
