"""I4: Markdown links that look relative but leave the site are dropped; real relative,
http(s) and mailto links are kept."""

from __future__ import annotations

import pytest

from rules.editor.markup import render


@pytest.mark.parametrize(
    "href",
    [
        "//evil.com",
        "/\\evil.com",
        "\\evil.com",
        "\\\\evil.com",
        "https:evil.com",
        "http:evil.com",
        "HTTPS:/evil.com",
        " //evil.com",
        "javascript:alert(1)",
        "data:text/html,x",
    ],
)
def test_an_off_site_link_that_looks_relative_loses_its_href(href):
    html = render(f"[click](<{href}>)")
    assert "href=" not in html, html
    assert "click" in html  # the words stay


@pytest.mark.parametrize(
    ("href", "kept"),
    [
        ("/glossary/#basis", 'href="/glossary/#basis"'),
        ("https://www.irs.gov/forms", 'href="https://www.irs.gov/forms"'),
        ("http://example.org/a", 'href="http://example.org/a"'),
        ("mailto:help@example.org", 'href="mailto:help@example.org"'),
        ("#top", 'href="#top"'),
        ("tables/", 'href="tables/"'),
    ],
)
def test_ordinary_links_are_kept(href, kept):
    from rules.editor.markup import _link_filter

    assert _link_filter("a", "href", "/\t/evil.com") is None  # browsers drop the tab
    assert _link_filter("p", "data-for", "//x") == "//x"  # other attributes untouched
    assert kept in render(f"[a link]({href})")
