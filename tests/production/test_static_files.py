"""collectstatic writes hashed, gzip- and brotli-compressed files; whitenoise serves them
with a far-future, immutable Cache-Control (run in a subprocess with production settings)."""

from __future__ import annotations

import json

from tests.production.env import production_environ, run_python

SERVE = """
import json
import django
django.setup()
from django.templatetags.static import static
from django.test import Client

client = Client(HTTP_HOST="deduct.example.org")
page = client.get("/", secure=True).content.decode()
url = static("css/site.css")
out = {"url": url, "in_page": url in page}
for encoding in ("br", "gzip", ""):
    r = client.get(url, secure=True, HTTP_ACCEPT_ENCODING=encoding)
    out[encoding or "identity"] = {
        "status": r.status_code,
        "encoding": r.get("Content-Encoding", ""),
        "cache": r.get("Cache-Control", ""),
    }
print(json.dumps(out))
"""


def test_collectstatic_then_whitenoise_serves_compressed_hashed_files(tmp_path):
    static_root = tmp_path / "static"
    env = production_environ(tmp_path, DJANGO_STATIC_ROOT=str(static_root))
    result = run_python(["manage.py", "collectstatic", "--noinput", "-v0"], env)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    hashed = static_root / manifest["paths"]["css/site.css"]
    assert hashed.name.startswith("site.") and hashed.name != "site.css"
    for suffix in (".gz", ".br"):
        assert hashed.with_name(hashed.name + suffix).exists()

    result = run_python(["-c", SERVE], env | {"DJANGO_SETTINGS_MODULE": "questionnaire.settings"})
    assert result.returncode == 0, result.stderr
    served = json.loads(result.stdout.strip().splitlines()[-1])
    assert served["url"] == "/static/" + manifest["paths"]["css/site.css"]
    assert served["in_page"]
    assert served["br"]["encoding"] == "br"
    assert served["gzip"]["encoding"] == "gzip"
    for answer in (served["br"], served["gzip"], served["identity"]):
        assert answer["status"] == 200
        assert "immutable" in answer["cache"] and "max-age=315360000" in answer["cache"]
