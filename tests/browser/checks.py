"""What the page-level browser checks measure, as scripts run in the page: controls and
their boxes, the focus ring, overflow, and axe-core's WCAG 2.1 A and AA rules."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

TARGET = 44  # px: WCAG 2.5.5 (AAA) and GOV.UK's size for anything a thumb must hit

WCAG_21_A_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
_axe = Axe()


def axe_violations(page) -> list[str]:
    results = _axe.run(page, options=WCAG_21_A_AA)
    return [
        f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


# Every control on the page with its box. A link whose block holds other words is a
# link in running text (a sentence, a citation followed by its pinpoint): WCAG exempts
# it ("the target is in a sentence"), and making it taller would pull the lines apart.
# Off-page controls are left out: the skip link (on the page only while focused) and
# the feedback form's honeypot (aria-hidden, for robots only).
CONTROLS_JS = r"""() => {
  const words = el => el.textContent.replace(/\s+/g, ' ').trim();
  const blockOf = el => {
    let p = el.parentElement;
    while (p && getComputedStyle(p).display.startsWith('inline')) p = p.parentElement;
    return p;
  };
  const found = [];
  const query = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '.radio label, .check label';
  for (const el of document.querySelectorAll(query)) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.closest('[aria-hidden="true"]') || el.classList.contains('skip-link')) continue;
    let kind = el.matches('.radio label, .check label') ? 'label' : el.tagName.toLowerCase();
    if (el.type) kind += '[' + el.type + ']';
    let inText = false;
    if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') {
      inText = words(blockOf(el)) !== words(el);
    }
    found.push({kind, inText, text: words(el).slice(0, 50) || el.id || el.name,
                width: r.width, height: r.height});
  }
  return found;
}"""


# The focus ring of the focused element: yellow (an outline of 3 px or more, or a
# box-shadow) with black around it, so it shows on white and on the blue buttons.
# A radio's ring is drawn on its circle (the label's ::before): the input is invisible;
# the same for the worksheets' checkbox.
RING_JS = r"""() => {
  const YELLOW = 'rgb(255, 191, 71)', BLACK = 'rgb(27, 31, 36)';
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  window.__ringSeen = window.__ringSeen || new WeakSet();
  // A date field takes several Tabs (month, day, year) while it keeps the focus.
  if (window.__ringSeen.has(el)) return {again: true, inside: el.type === 'date'};
  window.__ringSeen.add(el);
  const radio = el.matches('.radio input, .check input');
  const s = getComputedStyle(radio ? el.labels[0] : el, radio ? '::before' : null);
  const shadows = s.boxShadow === 'none' ? [] : s.boxShadow.split(/,(?![^(]*\))/).map(part => {
    const color = (part.match(/rgba?\([^)]*\)/) || [''])[0];
    const sizes = part.replace(color, '').trim().split(/\s+/).map(parseFloat);
    return {color, spread: sizes[3] || 0};
  });
  const outline = s.outlineStyle !== 'none' && s.outlineColor === YELLOW
    ? parseFloat(s.outlineWidth) + Math.max(0, parseFloat(s.outlineOffset)) : 0;
  const yellowShadow = Math.max(0, ...shadows.filter(x => x.color === YELLOW).map(x => x.spread));
  const yellow = Math.max(outline >= 3 ? outline : 0, yellowShadow >= 3 ? yellowShadow : 0);
  const black = Math.max(0, ...shadows.filter(x => x.color === BLACK).map(x => x.spread));
  let kind = el.tagName.toLowerCase() + (el.type ? '[' + el.type + ']' : '');
  if (el.classList.contains('button')) kind += '.button';
  if (el.classList.contains('back-link')) kind += '.back-link';
  if (el.getAttribute('role') === 'region') kind += '[region]';
  return {kind, ok: yellow > 0 && black > yellow,
          html: el.outerHTML.slice(0, 120), outline: s.outline, shadow: s.boxShadow};
}"""


def tab_through(page) -> list[dict]:
    """Press Tab from the top of the page until focus leaves it or comes back to a control
    it has already reached (the same element, not merely one with the same markup)."""
    page.evaluate("window.__ringSeen = new WeakSet()")
    rings = []
    for _ in range(200):
        page.keyboard.press("Tab")
        ring = page.evaluate(RING_JS)
        if ring is not None and ring.get("inside"):
            continue
        if ring is None or ring.get("again"):
            break
        rings.append(ring)
    return rings


FOCUS_KINDS = {
    "a",
    "a.button",
    "a.back-link",
    "button[submit].back-link",
    "button[submit].button",
    "button[button].button",
    "input[radio]",
    "input[text]",
    "input[url]",
    "input[checkbox]",
    "input[date]",
    "select[select-one]",
    "textarea[textarea]",
    "summary",
    "div[region]",
    "pre",
}


OVERFLOW_JS = r"""() => {
  const width = document.documentElement.clientWidth;
  const over = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > width + 0.5 && !el.closest('.table-wrap, pre, .visually-hidden')
        && getComputedStyle(el).position !== 'absolute') {
      over.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(r.right));
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, over: over.slice(0, 8)};
}"""


RESULTS_CONTROLS = {
    "a",  # Start again too: a link, not a button (issue 25 #18)
    "button[button].button",  # Copy link, Print
    "button[submit].button",  # Is this page useful?
    "input[url]",  # the share link
    "summary",  # More about the law
}
WORKSHEET_CONTROLS = {
    "a",
    "button[submit].button",
    "input[checkbox]",
    "input[text]",
}


def expected_focus_kinds(name: str) -> set[str]:
    """The kinds of control a page of tests/browser/pages.py is known to hold: the Tab
    key must reach each of them (and the focus ring check runs on all it reaches)."""
    name = name.removeprefix("es-")  # a Spanish page holds what its English page holds
    if name == "results-feedback-comment-box":  # Tab goes on from the "No" button
        return {"button[submit].button"}
    if name.startswith("results-invalid"):
        return {"a", "a.button"}
    if name.startswith("results-wash-sale"):  # the wash-sale date helper
        return RESULTS_CONTROLS | {"input[date]"}
    if name.startswith("results-"):
        return RESULTS_CONTROLS
    if name.startswith("amounts-"):
        select = {"select[select-one]"} if "capital-loss" in name or "1244" in name else set()
        dates = {"input[date]"} if "wash-sale" in name else set()
        return WORKSHEET_CONTROLS | select | dates
    if name.startswith("question-"):
        field = "input[text]" if name.startswith("question-year") else "input[radio]"
        back = set()
        if "error" not in name:
            back = {"a.back-link" if name == "question-account" else "button[submit].back-link"}
        return {"a", "button[submit].button", field} | back
    return {
        "start": {"a", "a.button"},
        "review": {"a", "button[submit].back-link", "button[submit].button"},
        "feedback-comment": {"a", "a.back-link", "button[submit].button", "textarea[textarea]"},
        "feedback-thanks": {"a", "a.button"},
        # The tables scroll inside a region; one account is chosen from a list.
        "tables": {"a", "a.button", "div[region]", "select[select-one]", "button[submit].button"},
        "tables-one-account": {
            "a", "a.button", "div[region]", "select[select-one]", "button[submit].button"
        },
        "tables-invalid-400": {
            "a", "a.button", "div[region]", "select[select-one]", "button[submit].button"
        },
        "not-covered": {"a", "a.back-link", "a.button"},
        "glossary": {"a"},
        "changes": {"a", "a.button"},
        "api-guide": {"a", "pre"},  # the examples scroll inside a focusable block
        "not-found-404": {"a", "a.button"},
    }[name]
