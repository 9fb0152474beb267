"""Lighthouse audit: accessibility, best practices and SEO on four pages.

Starts gunicorn with production settings on 127.0.0.1 (as `make loadtest`
does), runs Lighthouse 12.2.3 (npm; installed into .audit/ on first use)
with Debian's Chromium against the start page, a question, a results page
and the tables, prints each category's score and any audit that lost points,
and exits 1 unless every score is 100. Not part of `make test`: it needs npm.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts import loadtest  # the loopback settings and prepare()
from tests import pages
from tests.production.env import ROOT
from tests.production.servers import gunicorn

TOOLS = ROOT / ".audit"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ("accessibility", "best-practices", "seo")
PAGES = [
    ("start page", loadtest.START),
    ("a question", loadtest.QUESTION),
    ("results page", pages.RESULTS["depends"]),
    ("tables", pages.EXAMPLES["rules:tables"]["tables"]),
]
FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)


def install() -> None:
    if LIGHTHOUSE.exists():
        return
    if not shutil.which("npm"):
        sys.exit("audit: npm is needed to install Lighthouse")
    print("audit: installing lighthouse@12.2.3 into .audit/")
    TOOLS.mkdir(exist_ok=True)
    subprocess.run(
        [
            "npm",
            "install",
            "--silent",
            "--no-audit",
            "--no-fund",
            "--prefix",
            str(TOOLS),
            "lighthouse@12.2.3",
        ],
        check=True,
    )


def audit(url: str, out: Path) -> dict:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={FLAGS}",
            "--output=json",
            f"--output-path={out}",
        ],
        env={**os.environ, "CHROME_PATH": CHROME},
        check=True,
        timeout=180,
    )
    return json.loads(out.read_text())


def main() -> int:
    if not Path(CHROME).exists():
        sys.exit(f"audit: no Chromium at {CHROME} (apt-get install chromium)")
    install()
    failed = False
    with tempfile.TemporaryDirectory(prefix="audit-") as tmp_name:
        tmp = Path(tmp_name)
        static_root, url = loadtest.prepare(tmp)
        with gunicorn(tmp, static_root, url, ready="/healthz", **loadtest.LOOPBACK) as port:
            base = f"http://{loadtest.HOST}:{port}"
            for name, path in PAGES:
                report = audit(base + path, tmp / "report.json")
                scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
                print(f"{name:<13} " + "  ".join(f"{k} {v}" for k, v in scores.items()))
                for category in report["categories"].values():
                    for ref in category["auditRefs"]:
                        result = report["audits"][ref["id"]]
                        if ref.get("weight") and (result.get("score") or 0) < 1:
                            print(f"    {category['id']}: {result['title']}")
                failed |= any(score < 100 for score in scores.values())
    print("every score is 100" if not failed else "some scores are below 100")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
