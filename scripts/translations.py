"""Which Spanish texts (rules/content/es/) are stale: `make translations`.

A Spanish file names, in its front matter, the fingerprint of the English it
translates (`translates:`). When the English file changes, its fingerprint
changes and the Spanish is stale until a translator carries the change over
and sets `translates:` to the new fingerprint, which this prints beside each
stale file. Exits 1 when any file is stale or missing (tests/rules/test_spanish_texts.py
fails then too). With `--diff`, also shows the English as it is now for each.
No Django: the content files are plain files.
"""

from __future__ import annotations

import sys

from rules import content


def main(argv: list[str]) -> int:
    stale = content.stale()
    if not stale:
        count = len(content.read(content.TRANSLATION))
        print(f"All {count} Spanish texts translate the English as it is now.")
        return 0
    english = content.read(content.DEFAULT_LANGUAGE)
    print(f"{len(stale)} Spanish text(s) to update:")
    for name, says, now in stale:
        what = "missing" if says == "missing" else f"translates {says}"
        print(f"  {name}: {what}; set 'translates: {now}' once it translates the English")
        if "--diff" in argv:
            rule_id = name.rsplit("/", 1)[-1].removesuffix(".md")
            text = english[rule_id]
            print(f"    English now ({text.name}):")
            for line in f"{text.explanation}\n\n{text.instead}".splitlines():
                print(f"      {line}")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
