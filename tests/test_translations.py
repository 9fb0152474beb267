"""The Spanish catalogue: complete, not fuzzy, compiled, and consistent in its terms.

Read with the standard library only (no msgfmt needed): the .po file is parsed
here, and the committed .mo file is read with gettext.GNUTranslations.
"""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
TERMS = ROOT / "locale" / "es" / "TERMS.md"


def _unquote(lines: list[str]) -> str:
    return "".join(ast.literal_eval(line) for line in lines)


def entries(text: str | None = None) -> list[dict]:
    """Each entry of the .po file: msgid, msgstr and its flags."""
    found = []
    for block in (text or PO.read_text()).split("\n\n"):
        flags: set[str] = set()
        parts: dict[str, list[str]] = {}
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags |= {f.strip() for f in line[2:].split(",")}
            elif line.startswith(("msgid ", "msgstr ", "msgid_plural ", "msgstr[")):
                key, _, rest = line.partition(" ")
                parts[key] = [rest]
            elif line.startswith('"') and key:
                parts[key].append(line)
        if "msgid" in parts:
            found.append(
                {
                    "msgid": _unquote(parts["msgid"]),
                    "msgstr": _unquote(parts.get("msgstr", ['""'])),
                    "flags": flags,
                }
            )
    return found


MESSAGES = [e for e in entries() if e["msgid"]]


def test_the_catalogue_is_not_empty():
    assert len(MESSAGES) > 150


def test_every_message_is_translated_and_none_is_fuzzy():
    assert [e["msgid"] for e in MESSAGES if not e["msgstr"].strip()] == []
    assert [e["msgid"] for e in entries() if "fuzzy" in e["flags"]] == []


def test_every_placeholder_survives_translation():
    placeholder = re.compile(r"%\(\w+\)s|\{\w*\}")
    for e in MESSAGES:
        assert sorted(placeholder.findall(e["msgid"])) == sorted(
            placeholder.findall(e["msgstr"])
        ), e["msgid"]


def test_the_compiled_catalogue_is_the_po_file():
    """`make messages` compiles django.mo; a .po edited without it fails here."""
    with MO.open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    for e in MESSAGES:
        assert compiled.gettext(e["msgid"]) == e["msgstr"], e["msgid"]
    assert len(compiled._catalog) - 1 == len(MESSAGES)  # minus the header


def test_the_law_messages_file_is_what_the_script_writes():
    from scripts import law_messages

    assert (ROOT / "i18n" / "law_messages.py").read_text() == law_messages.text()


def test_every_law_message_is_in_the_catalogue():
    from scripts import law_messages

    ids = {e["msgid"] for e in MESSAGES}
    assert [m for m in law_messages.messages() if m not in ids] == []


def terms() -> list[tuple[str, str, str]]:
    rows = []
    for line in TERMS.read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("English", "") and not cells[0].startswith("-"):
            rows.append((cells[0], cells[1], cells[2]))
    return rows


def test_the_terms_table_is_read():
    english = [row[0] for row in terms()]
    assert {"traditional IRA", "itemized deduction", "wash sale"} <= set(english)


@pytest.mark.parametrize(("english", "spanish", "plural"), terms())
def test_each_term_is_translated_the_same_way_everywhere(english, spanish, plural):
    pattern = re.compile(rf"(?<!\w){re.escape(english)}s?(?!\w)", re.IGNORECASE)
    wrong = [
        e["msgid"]
        for e in MESSAGES
        if pattern.search(e["msgid"])
        and spanish.lower() not in e["msgstr"].lower()
        and plural.lower() not in e["msgstr"].lower()
    ]
    assert wrong == []


def test_form_names_keep_their_number():
    form = re.compile(r"\bForm (\d[\w-]*)")
    for e in MESSAGES:
        for number in form.findall(e["msgid"]):
            assert f"Formulario {number}" in e["msgstr"], e["msgid"]


def test_spanish_dates_and_amounts():
    from datetime import date

    from django.utils import translation

    from rules.web.i18n import long_date

    with translation.override("es"):
        assert long_date(date(2027, 4, 15)) == "15 de abril de 2027"
    with translation.override("en"):
        assert long_date(date(2027, 4, 15)) == "April 15, 2027"


CONTENT_TERMS = ROOT / "rules" / "content" / "es" / "TERMS.md"


def wrong_wordings() -> list[tuple[str, str]]:
    """(wording not used, the term to use instead), from the "not used" column of the
    editors' terms list (rules/content/es/TERMS.md): the catalogue avoids them too."""
    rows = []
    for line in CONTENT_TERMS.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("English", "") or set(cells[0]) <= {"-"}:
            continue
        rows += [(w.strip(), cells[1]) for w in cells[3].split(";") if w.strip()]
    return rows


@pytest.mark.parametrize(("wrong", "right"), wrong_wordings(), ids=lambda x: x)
def test_no_message_uses_a_wording_the_terms_list_rules_out(wrong, right):
    found = [e["msgid"] for e in MESSAGES if wrong.lower() in e["msgstr"].lower()]
    assert found == [], f"say “{right}”, not “{wrong}”"


def test_the_wrong_wordings_are_read():
    wrong = dict(wrong_wordings())
    assert wrong["fallo del IRS"] == "resolución del IRS"
    assert wrong["cuenta Roth IRA"] == "cuenta IRA Roth"
    assert wrong["no establecido"] == "no resuelto"
