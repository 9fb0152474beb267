"""Editor Markdown becomes safe HTML: only a small allow-list of tags and links survives."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules.editor import markup


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.found


def assert_safe(html: str) -> None:
    for tag, attrs in tags(html):
        assert tag in markup.ALLOWED_TAGS, tag
        allowed = markup.ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel"}
        assert set(attrs) <= allowed, (tag, attrs)
        href = (attrs.get("href") or "").strip().lower()
        if ":" in href.split("/")[0]:
            assert href.split(":")[0] in markup.ALLOWED_URL_SCHEMES, href


def test_the_markdown_editors_need_survives():
    html = markup.render(
        "Some *emphasis*, **strong** and `code`.\n\n"
        "- one\n- two\n\n1. first\n2. second\n\n"
        "> a quote\n\n### A subheading\n\n"
        "[Publication 550](https://www.irs.gov/publications/p550), "
        "[write to us](mailto:help@example.org), [the tables](/tables/)"
    )
    assert "<em>emphasis</em>" in html and "<strong>strong</strong>" in html
    assert "<code>code</code>" in html
    assert "<ul>" in html and "<ol>" in html and html.count("<li>") == 4
    assert "<blockquote>" in html and "<h3>A subheading</h3>" in html
    assert '<a href="https://www.irs.gov/publications/p550" rel="noopener noreferrer">' in html
    assert 'href="mailto:help@example.org"' in html and 'href="/tables/"' in html


def test_script_tags_and_their_content_are_removed():
    html = markup.render("Before\n\n<script>alert('x')</script>\n\nAfter <script>steal()</script>")
    assert "<script" not in html and "alert" not in html and "steal" not in html
    assert "Before" in html and "After" in html


@pytest.mark.parametrize(
    "source",
    [
        '<img src="https://evil.example/x.png" onerror="alert(1)">',
        '<em onclick="alert(1)">hi</em>',
        '<a href="https://example.org" onmouseover="alert(1)">hi</a>',
        '<p style="color:red" onload="alert(1)">hi</p>',
    ],
)
def test_event_handler_and_style_attributes_are_removed(source):
    html = markup.render(source)
    for attribute in ("onerror", "onclick", "onmouseover", "onload", "style"):
        assert attribute not in html
    assert_safe(html)


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "jav&#x61;script:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
    ],
)
def test_javascript_and_data_links_lose_their_target(link):
    for source in (f"[click]({link})", f'<a href="{link}">click</a>'):
        html = markup.render(source)
        assert "click" in html
        assert "href" not in html
        assert "script:" not in html.lower() and "data:" not in html


def test_images_are_removed_whether_markdown_or_html():
    html = markup.render(
        '![chart](https://evil.example/chart.png)\n\n<img src="https://evil.example/x.png">'
    )
    assert "<img" not in html and "evil.example" not in html
    assert html == ""


def test_every_heading_becomes_a_subheading_so_the_page_keeps_one_h1():
    html = markup.render("# Big\n\n## Middle\n\n#### Small")
    assert html.count("<h3>") == 3
    assert "<h1" not in html and "<h2" not in html and "<h4" not in html


def test_raw_html_outside_the_allow_list_is_removed_but_its_text_stays():
    html = markup.render(
        '<div class="x"><iframe src="https://evil.example"></iframe>Kept text</div>\n\n'
        "<style>body{display:none}</style><form><input name=a></form>"
    )
    assert "Kept text" in html
    for tag in ("<div", "<iframe", "<style", "<form", "<input", "display:none"):
        assert tag not in html


def test_empty_source_renders_nothing():
    assert markup.render("") == ""


FRAGMENTS = [
    "plain words",
    "*em*",
    "**strong**",
    "\n\n",
    "\n- item",
    "[link](https://example.org)",
    "[bad](javascript:alert(1))",
    "[data](data:text/html,x)",
    "<script>x()</script>",
    '<img src=x onerror="x()">',
    '<a href="javascript:x()" onclick="x()">a</a>',
    "<svg onload=x()>",
    '<object data="x.swf">',
    "![img](https://x.example/i.png)",
    "<!-- comment -->",
    "`<b>code</b>`",
    "> quote",
    "# heading",
    "<",
    ">",
    '"',
    "&amp;",
    "<b",
]


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join))
def test_any_mix_of_markdown_and_html_renders_to_the_allow_list(source):
    assert_safe(markup.render(source))
