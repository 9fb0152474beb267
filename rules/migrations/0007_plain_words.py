"""Plain words and US English on the results page, and each account's own next steps.

1. Rewrites the seeded texts of the rules whose "what to do next" list ran past
   three steps, talked to one account about another's rules (a traditional IRA
   owner reading about 457(b) plans and HSAs), or named laws by number where a
   saver knows them by name. Steps meant for some accounts only start with
   "[For IRAs]" and the like (rules.audiences), which the results page honors.
   A field is changed only while it is still exactly as migrations 0002, 0004
   and 0006 left it: an editor's own wording is never overwritten. Each change
   is recorded in the history like an edit.
2. Records the law each reviewed text was checked against (some citations were
   retitled: US dates, the laws' common names).
3. The editors' help texts for the two fields, for the new page order.

Written for this project from its notes on the law, and checked against each
rule's headline and reason in rules/rulebook/.

Reverse: puts back the earlier wording of any field that still holds this
migration's wording.
"""

from __future__ import annotations

import datetime
import importlib

from django.db import migrations, models
from django.utils import timezone

REVIEWED = datetime.date(2026, 11, 28)
REVERT_REASON = "Earlier wording restored (migration 0007 reversed)"
FIELDS = ("explanation", "instead")

_PLANS_IRAS = "[For IRAs and workplace plans]"
_TOPIC_558 = "[IRS Tax Topic 558](https://www.irs.gov/taxtopics/tc558)"

TEXTS: dict[str, dict[str, str]] = {
    "sheltered-no-realisation": {
        "explanation": """\
This kind of account holds your investments inside a tax shelter. What happens
inside isn't a tax event: buying, selling and price changes
are never reported on your return while the money stays in the account.

[For IRAs] For IRAs the tax code says so directly (26 U.S.C. 408(e)(1)), and the Tax
Court turned down exactly this kind of claim for trades inside an IRA in *Fish v.
Commissioner*, T.C. Memo. 2015-176.

[For 401(k)s] For a 401(k) the tax code says so of the trust that holds the money
(26 U.S.C. 501(a)). IRAs work the same way (26 U.S.C. 408(e)(1)), and the Tax Court
turned down this kind of claim for trades inside an IRA in *Fish v. Commissioner*,
T.C. Memo. 2015-176.

[For 403(b)s] A 403(b) is taxed only on what it pays out (26 U.S.C. 403(b)(1)).
IRAs work the same way (26 U.S.C. 408(e)(1)), and the Tax Court turned down this
kind of claim for trades inside an IRA in *Fish v. Commissioner*, T.C. Memo.
2015-176.

[For 457(b)s] For a governmental 457(b) the tax code says so of the trust that holds
the money (26 U.S.C. 457(g)). IRAs work the same way (26 U.S.C. 408(e)(1)), and the
Tax Court turned down this kind of claim for trades inside an IRA in *Fish v.
Commissioner*, T.C. Memo. 2015-176.

[For HSAs] For an HSA the tax code says so in 26 U.S.C. 223(e)(1). IRAs work the
same way (26 U.S.C. 408(e)(1)), and the Tax Court turned down this kind of claim
for trades inside an IRA in *Fish v. Commissioner*, T.C. Memo. 2015-176.

[For IRAs and workplace plans] The only loss the tax rules ever counted came at the
end, not along the way: for tax years before 2018, emptying every account of the
kind for less than the after-tax or Roth money you had put in and not yet taken
out could give a small itemized deduction (IRS Notice 89-25, Q&A-7). From 2018 on
even that isn't allowed. A fall while the money stays in has never been
deductible.

The shelter also works for you on the way up: gains inside the account aren't
taxed as they happen either. Tax is settled only when money leaves the account,
under the rules for that kind of account.""",
        "instead": """\
- [For IRAs and workplace plans] If your plans haven't changed, staying invested
  costs nothing in tax: a recovery inside the account isn't taxed while it stays
  there, and in a Roth account qualified withdrawals are tax-free.
- [For HSAs] If your plans haven't changed, staying invested costs nothing in tax:
  a recovery inside the account isn't taxed, and money spent on qualified medical
  costs comes out tax-free.
- Switching to a different fund inside the account is also free of tax, though it
  gives no deduction.
- A loss you can deduct only arises in a taxable brokerage account, when you sell.
  The comparison tables show how the kinds of account differ.""",
    },
    "rollover-carries-over": {
        "explanation": """\
Moving money to another account of the same tax kind, by a direct transfer between
trustees or by a rollover you finish within 60 days, doesn't count as cashing it
in. The money keeps its tax treatment on the way across, so a balance that fell
before the move simply arrives smaller. Nothing has been realized, so there is no
loss to claim. IRS Tax Topic 413 describes the 60-day limit and how rollovers are
reported.

[For IRAs and workplace plans] Moving pre-tax money into a Roth account isn't this
kind of move but a conversion: the pre-tax amount is taxable income for that year
(26 U.S.C. 408A(d)(3)). Conversions from a traditional IRA exist from 1998, and
direct conversions from a workplace plan from 2008. A conversion made in 1998
through 2017 could be undone (recharacterized) by the filing deadline, which helped
after a fall in value; one made from 2018 on can't be.

[For IRAs and workplace plans] After-tax and Roth money keeps its tax-free status
only where the receiving account can take it. After-tax plan money keeps it in a
traditional IRA, and Roth plan money in a Roth IRA or, by direct rollover, in
another plan's Roth account. A 60-day rollover into a workplace plan can carry only
taxable money, only the pre-tax part of an IRA can go into a plan, and a Roth IRA
can't go into a plan at all (26 U.S.C. 402(c)(2), 408(d)(3)(A)). Before 2002 the
rules were narrower still: after-tax plan money couldn't be rolled over, and money
couldn't move between most different kinds of plan, or from a 457(b) to an IRA, so
some moves were taxable payouts.

[For workplace plans] When a whole designated Roth account is paid out and rolled
into a Roth IRA, Roth money above what arrives is generally treated as Roth IRA
contributions. The regulation, Treas. Reg. 1.408A-10, Q&A-3(b), speaks of a 60-day
rollover after a total distribution; a direct rollover of the whole account isn't
addressed in so many words.

[For HSAs] HSA money can move only to another HSA, never into a retirement account.
A transfer between HSA trustees has no limit; a rollover paid to you must reach the
new HSA within 60 days, and only one such rollover is allowed in any 12 months (26
U.S.C. 223(f)(5)).""",
        "instead": """\
- [For IRAs and workplace plans] Keep the statements from both accounts showing
  what moved, including any after-tax or Roth amount. If after-tax money went into a
  traditional IRA, keep filing Form 8606 so it stays on record.
- [For IRAs and workplace plans] If you were paid by check, the money had to go
  into the new account within 60 days. The IRS can waive a missed deadline (since
  2002), and since August 2016 you can self-certify some reasons for being late
  (Rev. Proc. 2016-47, updated by Rev. Proc. 2020-46).
- [For workplace plans] A plan that pays you rather than the new account must
  withhold 20% (26 U.S.C. 3405(c), since 1993). To roll over the full amount you
  make up that 20% from other money; otherwise that part is a taxable payout.
- [For IRAs] Only one 60-day rollover from an IRA to an IRA is allowed in any 12
  months, counting all your IRAs together from 2015 on (26 U.S.C. 408(d)(3)(B));
  direct transfers between trustees don't count.
- [For HSAs] Keep the statements from both HSAs. If you were paid by check, the
  money had to reach the new HSA within 60 days; direct transfers between trustees
  don't count toward the one rollover a year.""",
    },
    "partial-withdrawal-no-loss": {
        "explanation": """\
[For workplace plans] Taking out part of the money never produces a deductible
loss, however far the balance has fallen. A loss could only ever be measured once
your whole balance in the plan had been paid out (IRS Notice 89-25, Q&A-7).

[For IRAs] Taking out part of the money never produces a deductible loss, however
far the balance has fallen. A loss could only ever be measured once every IRA of
the kind was empty: all your traditional, SEP and SIMPLE IRAs counted together (26
U.S.C. 408(d)(2)), or all your Roth IRAs as their own group, with each spouse
counted separately (IRS Notice 89-25, Q&A-7).

The withdrawal is taxed under the usual rules. Pre-tax money is ordinary income. If
you have after-tax or Roth money in the account, part of the payout can come back
tax-free, and what you haven't taken out yet stays with the account for later.

[For IRAs, 401(k)s and 403(b)s] Before age 59½, the taxable part of a withdrawal
can also carry a 10% additional tax (26 U.S.C. 72(t)). Your regular after-tax or
Roth contributions come back without it, but money converted to a Roth account
within the last five years can carry it even though it isn't taxed again (26
U.S.C. 408A(d)(3)(F); 402A(c)(4)(D) for a conversion inside a plan).

[For 457(b)s] A governmental 457(b) has no 10% additional tax on early
withdrawals, except on money rolled in from another kind of plan or an IRA (26
U.S.C. 72(t)(9), since 2002).""",
        "instead": """\
- [For workplace plans] Check how much of the withdrawal is taxable: the payer's
  Form 1099-R shows it.
- [For IRAs] Check how much of the withdrawal is taxable: the payer's Form 1099-R
  shows the amount, and Form 8606 tracks after-tax money and conversions in your
  IRAs.
- [For IRAs] If you're under 59½, look at the exceptions to the 10% additional
  tax, such as higher education costs or a first home. {topic} lists them all.
- [For 401(k)s and 403(b)s] If you're under 59½, look at the exceptions to the 10%
  additional tax. One applies if you left your job in or after the year you turned
  55 (50 for some public-safety employees); {topic} lists the rest.
- [For 457(b)s] A governmental 457(b) has no 10% additional tax, except on money
  rolled in from another kind of plan or an IRA.
- Keep a record of the after-tax or Roth money still in the account: it remains
  yours.""".replace("{topic}", _TOPIC_558),
    },
    "pre-tax-no-basis": {
        "instead": """\
- Report the payout as income; the payer's Form 1099-R shows the amount.
- [For IRAs] Before age 59½ the payout may also carry the 10% additional tax (26
  U.S.C. 72(t)) unless one of its many exceptions applies ({topic}); from a SIMPLE
  IRA in the first two years of participation it's 25%.
- [For 401(k)s and 403(b)s] Before age 59½ the payout may also carry the 10%
  additional tax (26 U.S.C. 72(t)) unless one of its many exceptions applies
  ({topic}).
- [For 457(b)s] A governmental 457(b) has no 10% additional tax, except on money
  rolled in from another kind of plan or an IRA (since 2002).
- If part of the money was after-tax or Roth, answer again with that kind. The test
  then compares everything you received, this pre-tax money included, with that
  after-tax or Roth money.""".replace("{topic}", _TOPIC_558),
    },
    "ira-basis-loss-2-percent": {
        "explanation": """\
For tax years before 2018 there was one narrow way to deduct a loss in an IRA.
Every IRA of the same kind had to be paid out completely, and everything you got
back from them, pre-tax money and earnings included, had to come to less than your
basis. The IRS set out this test in Notice 89-25, Q&A-7, and in Publication 590
(590-B from the 2014 edition).

Basis is the money in the IRAs that was already taxed, less anything you had
already taken out tax-free. In traditional IRAs that is nondeductible
contributions and after-tax money rolled in from a plan (tracked on Form 8606); in
Roth IRAs, contributions, conversions and Roth money rolled in from a plan. "The
same kind" means all your traditional, SEP and SIMPLE IRAs added together as one,
since the code treats them as a single contract (26 U.S.C. 408(d)(2)), or all your
Roth IRAs as a separate group. Each spouse's IRAs are counted on their own.

The shortfall was a miscellaneous itemized deduction on Schedule A. It helped only
if you itemized, and only by the amount that all your miscellaneous itemized
deductions together came to more than 2% of adjusted gross income (26 U.S.C.
67(a)). For example, with $12,000 of basis, $10,000 received and an adjusted gross
income of $50,000, the loss is $2,000 and the floor is $1,000, so $1,000 was
deductible if nothing else fell in that category. At higher incomes the overall
limit on itemized deductions (26 U.S.C. 68; 1991 through 2009 and 2013 through
2017) could reduce it further.""",
        "instead": """\
- Work out the loss as your basis minus everything you received from all IRAs of
  the kind, pre-tax money included; for a traditional IRA, Form 8606 holds the
  basis.
- Check that every IRA of the kind was empty: a partial withdrawal never counts.
- The deduction is added back for the alternative minimum tax (26 U.S.C.
  56(b)(1)(A)(i)), so check whether the alternative minimum tax applied that year.""",
    },
    "plan-basis-loss-2-percent": {
        "instead": """\
- Confirm that your whole balance in the plan was paid out in cash, not rolled
  over. If shares or other property were paid out instead, no loss arises when you
  receive them: your basis generally moves to them, and a loss counts when you sell.
- Take your after-tax or Roth contribution total from the plan's records, minus
  anything already paid back to you tax-free (box 5 of Form 1099-R shows the part
  paid back in this payout).
- The deduction is added back for the alternative minimum tax (26 U.S.C.
  56(b)(1)(A)(i)).""",
    },
    "basis-loss-suspended-tcja": {
        "explanation": """\
An account emptied in a lump sum for less than the after-tax or Roth money in it
could only ever give one kind of deduction: a miscellaneous itemized deduction
above the 2% floor. Before 2018 that was allowed, within limits.

The 2017 tax law, the Tax Cuts and Jobs Act (Public Law 115-97, signed December 22,
2017), added 26 U.S.C. 67(g), which allows no miscellaneous itemized deductions at
all for tax years 2018 through 2025. For those years the loss can't be deducted on
your federal return, whether or not you itemize. IRS Publication 529 reflects the
change. Some states didn't follow: California, for one, kept these deductions on
its own return (Cal. Rev. & Tax. Code 17076).

Two things still work for you. The after-tax or Roth money that comes back is a
tax-free return of what you put in, not income. And if a pension or annuity with
after-tax money in it pays out for life and the payments stop at death before all
of that money has come back, the rest is deductible on the final return (26 U.S.C.
72(b)(3)). That isn't a miscellaneous itemized deduction (67(b)(10)), so it's still
allowed.""",
    },
    "basis-loss-terminated": {
        "explanation": """\
A lump-sum payout below the after-tax or Roth money in the account could only ever
be a miscellaneous itemized deduction, and those were suspended from 2018 through
2025. The 2025 tax law, the One Big Beautiful Bill Act (Public Law 119-21, signed
July 4, 2025), removed the end date in its section 70110. The rule now sits at 26
U.S.C. 67(h): no miscellaneous itemized deduction for any tax year beginning after
December 31, 2017.

The only exception it keeps is for educator expenses, which has nothing to do with
investment losses. So for 2026 and later, as for 2018 to 2025, the loss can't be
deducted on your federal return. Some states didn't follow: California, for one,
kept these deductions on its own return (Cal. Rev. & Tax. Code 17076).

Your after-tax or Roth money still isn't taxed twice: that part of the payout comes
back to you tax-free. And a pension or annuity with after-tax money in it that pays
out for life still gives a deduction on the final return if the payments stop at
death before that money has all come back (26 U.S.C. 72(b)(3)). It isn't a
miscellaneous itemized deduction (67(b)(10)), so this law leaves it alone.""",
    },
    "taxable-unrealised": {
        "instead": """\
- If you sell stock, bonds or funds to take the loss, don't buy the same or a
  substantially identical investment within 30 days before or after the sale, in any
  of your accounts or your spouse's, including an IRA: the wash-sale rule would put
  off or remove the loss. Dividends reinvested automatically count as buying. (The
  rule doesn't reach cryptocurrency that isn't a security.)
- A sale counts for the tax year of its trade date.
- Keep your purchase records: the loss is measured from what you paid.""",
    },
    "worthless-security": {
        "instead": """\
- Claim the loss for the year the security became worthless, and keep evidence such
  as a bankruptcy or liquidation notice. If you find out later, you have 7 years from
  that year's filing deadline to amend with Form 1040-X, instead of the usual 3 (26
  U.S.C. 6511(d)(1)).
- Report it on Form 8949 and Schedule D (Schedule D alone for 2010 and earlier),
  dated the last day of the tax year.
- A security that has only fallen in value, even sharply, isn't worthless: selling
  it is what realizes the loss.""",
    },
    "unsure-depends": {
        "explanation": """\
You told us you're not sure of some of your answers: the kind of money in the
account, how what you got back compares with your after-tax or Roth money, or what
kind of investment you sold. Here the possibilities lead to different answers, so
the list above gives the answer for each.

[For IRAs and workplace plans] In a retirement account, pre-tax money has no basis,
so it never gives a loss. After-tax and Roth money does have basis, and for tax
years before 2018 an account emptied for less than that basis could give a
miscellaneous itemized deduction. The test looks at the whole: everything received,
pre-tax money and earnings included, against the after-tax or Roth money you had
not yet taken out (IRS Notice 89-25, Q&A-7). For IRAs that is all your IRAs of the
kind together; in a workplace plan, a designated Roth account counts on its own.
The kinds of money are never tested separately.

[For taxable accounts] In a taxable account, what you sold matters: the wash-sale
rule covers stock and securities but not cryptocurrency that isn't a security, and
stock that qualifies under Section 1244 gives an ordinary loss rather than a
capital loss.""",
        "instead": """\
- [For workplace plans] Find out which kind of money you have: the plan's
  statements or your pay stubs show pre-tax, after-tax and Roth amounts separately.
- [For IRAs] Find out which kind of money you have: Form 8606, filed with your tax
  returns, records nondeductible (after-tax) contributions to a traditional IRA.
- [For IRAs and workplace plans] Add up everything you were paid (Form 1099-R, box
  1) and compare it with the after-tax or Roth money you had not yet taken out.
- [For taxable accounts] Find out what you sold: your broker's statement or Form
  1099-B says.
- Then answer again for a definite answer.""",
    },
}

REASONS: dict[str, str] = {
    "sheltered-no-realisation": "Plain words: each account's own law, no HSA text for IRAs",
    "rollover-carries-over": "Plain words: next steps for each account, at most three",
    "partial-withdrawal-no-loss": "Plain words: no 457(b) or plan rules for IRA owners",
    "pre-tax-no-basis": "Plain words: each account's additional tax, at most three steps",
    "ira-basis-loss-2-percent": "Plain words: basis, three steps (the page shows the time "
    "to claim)",
    "plan-basis-loss-2-percent": "Plain words: three steps (the page shows the time to "
    "claim and the caveat)",
    "basis-loss-suspended-tcja": "Plain words: the 2017 tax law by its common name",
    "basis-loss-terminated": "Plain words: the 2025 tax law by its common name",
    "taxable-unrealised": "Plain words: three steps",
    "worthless-security": "Plain words: three steps, Form 1040-X named",
    "unsure-depends": "Plain words: how to find out, for each account",
}


def _module(name: str):
    return importlib.import_module(f"rules.migrations.{name}")


def _unwrap(markdown: str) -> str:
    return _module("0002_seed_explanations").unwrap(markdown)


def new_texts() -> dict[str, dict[str, str]]:
    """This migration's wording, stored one line per paragraph or list item."""
    return {
        rule_id: {field: _unwrap(value) for field, value in text.items()}
        for rule_id, text in TEXTS.items()
    }


def earlier_versions(rule_id: str, field: str) -> list[str]:
    """Every wording migrations 0002, 0004 and 0006 gave this field, oldest first."""
    v2 = _module("0006_law_v2_texts")
    later = (v2.updated_texts(), v2.new_texts())
    return [
        *v2.seeded_versions(rule_id, field),
        *(texts[rule_id][field] for texts in later if field in texts.get(rule_id, {})),
    ]


def _record(HistoricalExplanation, row, reason: str) -> None:
    HistoricalExplanation.objects.create(
        rule_id=row.rule_id,
        explanation=row.explanation,
        instead=row.instead,
        editor_note=row.editor_note,
        last_reviewed=row.last_reviewed,
        created_at=row.created_at,
        history_date=timezone.now(),
        history_type="~",
        history_change_reason=reason,
    )


def _save(row, HistoricalExplanation, reason: str) -> None:
    from rules.markup import render

    row.explanation_html = render(row.explanation)
    row.instead_html = render(row.instead)
    row.save()
    _record(HistoricalExplanation, row, reason)


def forward(apps, schema_editor):
    Explanation = apps.get_model("rules", "Explanation")
    HistoricalExplanation = apps.get_model("rules", "HistoricalExplanation")
    for rule_id, wanted in new_texts().items():
        row = Explanation.objects.filter(rule_id=rule_id).first()
        if row is None:
            continue
        changed = [
            f
            for f in FIELDS
            if f in wanted
            and getattr(row, f) != wanted[f]
            and getattr(row, f) in earlier_versions(rule_id, f)
        ]
        if not changed:
            continue  # already so, or an editor's own wording: leave it
        for f in changed:
            setattr(row, f, wanted[f])
        row.last_reviewed = REVIEWED
        _save(row, HistoricalExplanation, f"{REASONS[rule_id]} (0007)")


def record_fingerprints(apps, schema_editor):
    from rules.review import fingerprint

    Explanation = apps.get_model("rules", "Explanation")
    for row in Explanation.objects.filter(last_reviewed=REVIEWED):
        row.reviewed_fingerprint = fingerprint(row.rule_id)
        row.save(update_fields=["reviewed_fingerprint"])


def backward(apps, schema_editor):
    Explanation = apps.get_model("rules", "Explanation")
    HistoricalExplanation = apps.get_model("rules", "HistoricalExplanation")
    for rule_id, ours in new_texts().items():
        row = Explanation.objects.filter(rule_id=rule_id).first()
        if row is None:
            continue
        changed = [f for f in FIELDS if f in ours and getattr(row, f) == ours[f]]
        if not changed:
            continue
        for f in changed:
            setattr(row, f, earlier_versions(rule_id, f)[-1])
        _save(row, HistoricalExplanation, REVERT_REASON)


class Migration(migrations.Migration):
    dependencies = [("rules", "0006_law_v2_texts")]

    operations = [
        migrations.RunPython(forward, backward),
        # The texts reviewed for this release were reviewed against today's rules.
        migrations.RunPython(record_fingerprints, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="explanation",
            name="explanation",
            field=models.TextField(
                help_text="Shown under “Why” on the results page, after the engine’s one-line reason, in a “More about the law behind this answer” section. Two to four short paragraphs in plain words and US English; name the law and figures you rely on. Markdown: leave a blank line between paragraphs; *italic*, **bold**; a list is lines starting with “- ” or “1. ”; a link is [words](https://…); `code`; “> ” for a quote; any heading (#, ##, ###) becomes a small subheading. Removed when you save: HTML tags (their text stays, except scripts and styles), images, and links that do not start with https://, http://, mailto: or /. To show a paragraph or a list item only to some savers, start it with the accounts in square brackets: “[For IRAs]”, “[For workplace plans and HSAs]”. Names you can use: IRAs, traditional IRAs, Roth IRAs, workplace plans, 401(k)s, Roth 401(k)s, 403(b)s, 457(b)s, HSAs, taxable accounts.",
                verbose_name="explanation",
            ),
        ),
        migrations.AlterField(
            model_name="explanation",
            name="instead",
            field=models.TextField(
                help_text="Shown under “What to do next”, straight after the verdict (for the “not sure” rules, under “How to find out which kind you have”). A list of one to three practical steps for each account; start a step with “[For IRAs]” and the like to show it only to those savers. Same Markdown as above.",
                verbose_name="what to do next",
            ),
        ),
        migrations.AlterField(
            model_name="historicalexplanation",
            name="explanation",
            field=models.TextField(
                help_text="Shown under “Why” on the results page, after the engine’s one-line reason, in a “More about the law behind this answer” section. Two to four short paragraphs in plain words and US English; name the law and figures you rely on. Markdown: leave a blank line between paragraphs; *italic*, **bold**; a list is lines starting with “- ” or “1. ”; a link is [words](https://…); `code`; “> ” for a quote; any heading (#, ##, ###) becomes a small subheading. Removed when you save: HTML tags (their text stays, except scripts and styles), images, and links that do not start with https://, http://, mailto: or /. To show a paragraph or a list item only to some savers, start it with the accounts in square brackets: “[For IRAs]”, “[For workplace plans and HSAs]”. Names you can use: IRAs, traditional IRAs, Roth IRAs, workplace plans, 401(k)s, Roth 401(k)s, 403(b)s, 457(b)s, HSAs, taxable accounts.",
                verbose_name="explanation",
            ),
        ),
        migrations.AlterField(
            model_name="historicalexplanation",
            name="instead",
            field=models.TextField(
                help_text="Shown under “What to do next”, straight after the verdict (for the “not sure” rules, under “How to find out which kind you have”). A list of one to three practical steps for each account; start a step with “[For IRAs]” and the like to show it only to those savers. Same Markdown as above.",
                verbose_name="what to do next",
            ),
        ),
    ]
