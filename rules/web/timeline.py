"""The timeline of tax years drawn as inline SVG (issue 25): no JavaScript and no image
file, from rules.law.timeline's data. The template (templates/rules/_timeline.html)
gives it an accessible name and says it in words; this module only places things."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext

from rules.law import timeline as tl
from rules.law.answers import Answers
from rules.web.i18n import tr

WIDTH, LEFT, RIGHT = 340, 8, 332
BAR_TOP, BAR_HEIGHT = 40, 30
AFTER = 2  # years drawn after the current one, to show an era with no end
KIND = {"2% floor": "yes"}


def _segments(t: tl.Timeline) -> list[tuple[int, int, float]]:
    """Each era's years and its share of the width: the square root of its length, so
    the recent short eras stay wide enough to read on a phone (the years are labeled)."""
    spans = [(e.start, e.end + 1 + (AFTER if e.still_in_force else 0)) for e in t.eras]
    weights = [(b - a) ** 0.5 for a, b in spans]
    return [(a, b, w / sum(weights)) for (a, b), w in zip(spans, weights, strict=True)]


def _x(t: tl.Timeline, year: float) -> float:
    done = 0.0
    for a, b, share in _segments(t):
        if year < b or b == _segments(t)[-1][1]:
            done += share * (max(min(year, b), a) - a) / (b - a)
            break
        done += share
    return round(LEFT + (RIGHT - LEFT) * done, 1)


def _clamp(x: float, text: str) -> tuple[float, str]:
    """A label's x and anchor, kept inside the drawing."""
    half = len(text) * 3.3
    if x - half < LEFT:
        return LEFT, "start"
    if x + half > RIGHT:
        return RIGHT, "end"
    return x, "middle"


def drawing(t: tl.Timeline) -> dict:
    eras = []
    for e in t.eras:
        end = e.end + (AFTER if e.still_in_force else 0)
        x0, x1 = _x(t, e.start), _x(t, end + 1)
        label = tr(e.label)  # placed by the length of the words shown
        wide = (x1 - x0) >= len(label) * 6.8 + 6
        lx, anchor = ((x0 + x1) / 2, "middle") if wide else _clamp(x1, label)
        eras.append({
            "x": x0, "w": round(x1 - x0, 1), "kind": KIND.get(e.label, "no"),
            "label": label, "words": tr(e.words), "lx": lx, "anchor": anchor, "inside": wide,
            "ly": BAR_TOP + 19 if wide else BAR_TOP - 6,
            "era": e,
        })
    ticks = sorted({t.first, *(e.start for e in t.eras), t.last} | (
        {t.account_start} if t.account_start else set()))
    tick_rows = []
    last_x = -100.0
    for year in ticks:
        x = _x(t, year + 0.5)
        if x - last_x < 30:  # too close to the one before: left out, said in words
            continue
        tx, anchor = _clamp(x, str(year))
        tick_rows.append({"x": x, "tx": tx, "anchor": anchor, "year": year})
        last_x = x
    out = {
        "width": WIDTH,
        "height": 128,
        "bar_top": BAR_TOP,
        "bar_height": BAR_HEIGHT,
        "bar_bottom": BAR_TOP + BAR_HEIGHT,
        "tick_y": BAR_TOP + BAR_HEIGHT + 16,
        "eras": eras,
        "ticks": tick_rows,
        "timeline": t,
        "arrow_x": _x(t, t.last + AFTER + 1),
    }
    if t.account_start:
        out["before"] = {"x": LEFT, "w": round(_x(t, t.account_start) - LEFT, 1)}
    if t.year is not None:
        x = _x(t, t.year + 0.5)
        text = gettext("Your year: %(year)s") % {"year": t.year}
        lx, anchor = _clamp(x, text)
        out["yours"] = {"x": x, "lx": lx, "anchor": anchor, "text": text}
    if t.claim_from is not None:
        x0, x1 = _x(t, t.claim_from), _x(t, t.last)
        text = gettext("Can still claim: %(first)s–%(last)s") % {
            "first": t.claim_from, "last": t.last - 1}
        lx, anchor = _clamp((x0 + x1) / 2, text)
        out["claim"] = {"x0": x0, "x1": x1, "y": BAR_TOP + BAR_HEIGHT + 30, "lx": lx,
                        "anchor": anchor, "text": text}
    return out


def for_results(a: Answers, current: int, today: date, worthless: bool) -> dict | None:
    t = tl.for_answers(a, current, today, worthless)
    return drawing(t) | {"heading": gettext("The tax years at a glance")} if t else None


def for_tables(current: int, today: date) -> dict:
    return drawing(tl.build(current, today)) | {"heading": gettext("The tax years at a glance")}
