"""The "how much" worksheets: `/api/amounts` and the "Work out how much" pages.

A saver's figures are theirs: every answer here is `Cache-Control: private,
no-store`, nothing is put in the server's page cache, nothing is logged (the
access log leaves out query strings), and the share link carries the figures
only when the saver ticks "include my figures". Each view reads the clock once.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from questionnaire import site
from questionnaire.middleware import pure_page
from rules.law import audiences, clock, engine, questions
from rules.law import vocabulary as v
from rules.law import worksheet_inputs as wi
from rules.law import worksheet_outputs as wo
from rules.law import worksheets as w
from rules.law.validation import validate
from rules.web import api_language, claim_words, presenters, wash_words, worksheet_words
from rules.web.i18n import tr

NO_STORE = "private, no-store"
MAX_ECHO = 40  # characters of a typed value put back in the form


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = NO_STORE
    return response


@pure_page
@csrf_exempt  # read-only JSON: a POST gets 405, not a CSRF 403
@require_safe
def api_amounts(request: HttpRequest) -> HttpResponse:
    language, bad_language = api_language.chosen(request)
    if bad_language:
        body = {"errors": {"lang": [bad_language]}}
        return api_language.label(_no_store(JsonResponse(body, status=400)), "en")
    with translation.override(language):
        response = _amounts(request)
    return api_language.label(response, language)


def _amounts(request: HttpRequest) -> HttpResponse:
    current = clock.tax_year(clock.today())
    try:
        slug = wi.one(request.GET, "worksheet")
    except ValueError:
        slug = None
    if slug not in wi.SPECS:
        words = [tr(wi.WORKSHEET_WORDS)]
        return _no_store(JsonResponse({"errors": {"worksheet": words}}, status=400))
    inputs, errors = wi.read(slug, request.GET, current)
    if errors:
        return _no_store(JsonResponse({"errors": worksheet_words.errors(errors)}, status=400))
    sheet = wi.run(slug, inputs)
    body = wo.as_json(slug, inputs, sheet)
    body["lines"] = [{**line, "label": worksheet_words.said(line["label"])}
                     for line in body["lines"]]
    body["notes"] = [worksheet_words.said(n) for n in body["notes"]]
    return _no_store(JsonResponse(body))


def _echo(value: str | None) -> str:
    return "" if value is None else value[:MAX_ECHO]


def _apart(query):
    """The results page's answers and the worksheet's figures, when a name is both: the
    answer `received` is a word (below-basis), the worksheet's `received` an amount."""
    answers, figures = query.copy(), query.copy()
    said = query.getlist("received")
    for part, kept in ((answers, [x for x in said if x in v.RECEIVED]),
                       (figures, [x for x in said if x not in v.RECEIVED])):
        if kept:
            part.setlist("received", kept)
        else:
            part.pop("received", None)
    return answers, figures


# What "everything received" adds up, for the saver the results page sent: a designated
# Roth account is tested on its own (26 U.S.C. 402A(d)(4)); a Roth IRA holds no pre-tax.
RECEIVED_HINTS = (
    "[For designated Roth money] From the designated Roth account only, earnings too",
    "[For inherited IRAs] From all the IRAs inherited from that person",
    "[For Roth IRAs] From all your Roth IRAs, earnings too",
    "[For workplace plans] From the plan, pre-tax too",
)


def _claim_line(answers, today) -> tuple[str, bool]:
    """The time to claim of the answer that led here, said again (issue 25 #5)."""
    d = engine.determine(answers)
    claim = presenters.claim_for(d, today)
    windows = presenters.claim_windows(d, today)
    shown = claim or claim_words.closed(None, windows) or (windows[0] if windows else None)
    return (claim_words.worksheet_line(shown), shown.open) if shown else ("", True)


def _page(request: HttpRequest, slug: str) -> HttpResponse:
    today = clock.today()
    current = clock.tax_year(today)
    query = request.GET
    spec = wi.SPECS[slug]
    names = {f.name for f in spec.fields}
    # The answers that led here (from the results page): a way back, kept in the form.
    answer_query, query = _apart(request.GET)
    answers, answer_errors = validate(answer_query, current=current)
    carried: dict[str, str] = {}
    back_url = ""
    if answers is not None and not answer_errors:
        back_url = presenters.results_url(answers, current)
        carried = dict(questions.canonical(answers, current))
        if "year" in names:
            carried.pop("year", None)
    nets = {net.name: loss for net, loss, _ in spec.nets}  # older links' net figures
    submitted = any(name in query for name in (names | set(nets)) - {"year"})
    inputs, errors = wi.read(slug, query, current) if submitted else ({}, {})
    errors = worksheet_words.errors(errors)
    # A net figure from an older link is shown in the loss or gain field it means, and
    # its error beside the loss field (the page has no field of its own for it).
    from_nets = wo.page_values(slug, inputs)
    for net, loss in nets.items():
        if net in errors:
            errors[loss] = errors.get(loss, []) + errors.pop(net)
    sheet = wi.run(slug, inputs) if submitted and not errors else None
    include = query.get("share") == "figures"
    share = dict(carried)
    if "year" in names:
        year = inputs.get("year") or (answers.year if back_url else None)
        if year:
            share["year"] = str(year)
    if sheet is not None and include:
        share.update(wo.as_text(inputs))
        share["share"] = "figures"
    path = reverse(f"rules:amounts-{slug}")
    share_url = site.absolute(request, f"{path}?{urlencode(share)}" if share else path)

    def typed(name: str) -> str:
        try:
            return _echo(wi.one(query, name))
        except ValueError:
            return _echo(query.getlist(name)[-1])

    default_year = str(answers.year) if answers is not None and not answer_errors else str(current)
    said = answers is not None and not answer_errors
    hint = audiences.pick(RECEIVED_HINTS, answers) if said else ""
    fields = [
        {
            "field": replace(f, hint=hint) if hint and f.name == "received" else f,
            "id": f"f-{f.name.replace('_', '-')}",
            "value": typed(f.name)
            or from_nets.get(f.name, "")
            or (default_year if f.kind == wi.YEAR else ""),
            "errors": errors.get(f.name, []),
        }
        for f in spec.fields
    ]
    # The fields in the spec's order, a group where its first field falls.
    group_of = {name: (legend, group) for legend, group in spec.groups for name in group}
    by_name = {row["field"].name: row for row in fields}
    blocks: list[dict] = []
    for row in fields:
        legend, group = group_of.get(row["field"].name, ("", ()))
        if not group:
            last = blocks[-1] if blocks else None
            if (
                last
                and "legend" not in last
                and last["rows"][-1]["field"].more == row["field"].more
            ):
                blocks[-1]["rows"].append(row)
            else:
                blocks.append({"rows": [row]})
        elif row["field"].name == group[0]:
            blocks.append({"legend": legend, "rows": [by_name[n] for n in group]})
    # Optional fields (carryovers, other deductions) sit behind a disclosure, open
    # when they hold something: the form then fits one phone screen.
    optional = [b for b in blocks if all(r["field"].more for r in b["rows"])]
    claim_line, claim_open = _claim_line(answers, today) if back_url else ("", True)
    wash, wash_errors = (None, {})
    if slug == w.WASH_SALE:
        wash, wash_errors = wash_words.from_query(query, today)
        wash = wash or wash_words.today_example(today)
    ctx = {
        "claim_line": claim_line,
        "claim_open": claim_open,
        "spec": spec,
        "slug": slug,
        "blocks": [b for b in blocks if b not in optional],
        "optional": optional,
        "optional_open": any(r["value"] or r["errors"] for b in optional for r in b["rows"]),
        "filings": w.FILINGS.items(),
        "errors": [(row["id"], m) for row in fields for m in row["errors"]],
        "carried": carried.items(),
        "back_url": back_url,
        "sheet": sheet,
        "lines": [
            ({"label": worksheet_words.said(line.label), "carry": line.carry},
             wo.dollars(line.amount))
            for line in sheet.lines
        ] if sheet else [],
        "notes": [worksheet_words.said(note) for note in sheet.notes] if sheet else [],
        "outputs": [(label, wo.dollars(sheet.outputs[key])) for key, label in spec.outputs]
        if sheet
        else [],
        "carry": [
            (worksheet_words.said(line.label), wo.dollars(line.amount)) for line in sheet.carried
        ] if sheet else [],
        "include": include,
        "share_url": share_url,
        "worksheets": [
            {"title": s.title, "url": reverse(f"rules:amounts-{s.slug}")}
            for s in wi.SPECS.values()
            if s.slug != slug
        ],
    }
    ctx["wash"] = wash
    ctx["wash_carried"] = [
        (k, val) for k, val in query.items() if k not in ("sale_date", "bought_on")
    ][:30]
    status = 400 if errors or wash_errors else 200
    return _no_store(render(request, "rules/amounts.html", ctx, status=status))


def _view(slug: str):
    @pure_page
    @require_safe
    def view(request: HttpRequest) -> HttpResponse:
        return _page(request, slug)

    view.__name__ = view.__qualname__ = f"amounts_{slug.replace('-', '_')}"
    return view


PAGES = {slug: _view(slug) for slug in wi.SPECS}
