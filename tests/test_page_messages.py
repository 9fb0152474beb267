"""The words of the pages that are not results pages (scripts/page_messages.py): the
generated file is what the script writes, and each is in the Spanish catalogue."""

from __future__ import annotations

from pathlib import Path

from tests.test_translations import MESSAGES

ROOT = Path(__file__).resolve().parents[1]


def test_the_page_messages_file_is_what_the_script_writes():
    from scripts import page_messages

    assert (ROOT / "i18n" / "page_messages.py").read_text() == page_messages.text()


def test_every_page_message_is_in_the_catalogue():
    from scripts import page_messages

    ids = {e["msgid"] for e in MESSAGES}
    assert len(page_messages.messages()) > 50
    assert [m for m in page_messages.messages() if m not in ids] == []
