"""Seed the default editor text for every engine rule.

Written for this project from its notes on the law and checked against each rule in
rules/engine.py (its accounts, events, years, outcome and references). The
texts are frozen here, as migrations should be: later wording changes happen
in the admin, with history.
"""

from __future__ import annotations

import datetime
import re

from django.db import migrations
from django.utils import timezone

REVIEWED = datetime.date(2026, 11, 28)
REASON = "Default text (seeded by migration 0002)"
# Wrapped here for reading; stored one line per paragraph or list item, as an
# editor would type it in the admin.
_SOFT_BREAK = re.compile(r"(?<!\n)\n(?!\n|- |\d+\. )[ \t]*")

TEXTS: dict[str, dict[str, str]] = {
    "sheltered-no-realisation": {
        "explanation": """\
A 401(k), 403(b), governmental 457(b), any kind of IRA (traditional, SEP, SIMPLE or
Roth) and an HSA all work as tax-exempt containers for your investments. What
happens inside the container is not a tax event: buying, selling and price moves
are never reported on your return while the money stays in. For IRAs the code says
so directly, in 26 U.S.C. 408(e)(1).

So a falling balance gives no deduction, and neither does selling a fund at a loss
and buying another inside the same account. The Tax Court turned down exactly this
kind of claim for trades inside an IRA in *Fish v. Commissioner*, T.C. Memo.
2015-176. This has been the position in every tax year.

The same shelter works in your favour on the way up: gains inside the account are
not taxed as they happen either. Tax is settled only when money leaves the
account, under the rules for that kind of account.""",
        "instead": """\
- If your plans have not changed, staying invested costs nothing in tax: a recovery
  inside the account is not taxed while it stays there, and in a Roth account
  qualified withdrawals are tax-free.
- Switching to a different fund inside the account is also free of tax, though it
  gives no deduction.
- A loss you can deduct only arises in a taxable brokerage account, when you sell.
  The comparison tables show how the account types differ.""",
        "editor_note": "Checked against LAW.md section 1. Covers every sheltered account "
        "type and the value-dropped and reallocated events, all years.",
    },
    "rollover-carries-over": {
        "explanation": """\
Moving your money to another plan, IRA or HSA does not count as cashing it in. A
direct transfer between trustees, or a rollover you finish within 60 days, is not
taxable. The money keeps its tax treatment on the way across, so a balance that
fell before the move simply arrives smaller. Nothing has been realised, so there
is no loss to claim.

Your basis is not lost in the move either. After-tax money rolled into an IRA
keeps its basis there. When a whole designated Roth account is rolled into a Roth
IRA and your Roth basis is more than the balance that arrives, the difference
still counts as contribution basis in the Roth IRA (Treas. Reg. 1.408A-10,
Q&A-3). Basis is the part that comes back to you without tax later.

IRS Tax Topic 413 describes the 60-day limit and how rollovers are reported.""",
        "instead": """\
- Keep the statements from both accounts showing what moved, including any
  after-tax or Roth amount.
- If after-tax money went into a traditional IRA, keep filing Form 8606 so that
  basis stays on record.
- If you were paid by check rather than by direct transfer, make sure it was
  deposited within 60 days.""",
        "editor_note": "Checked against LAW.md section 1 (rollovers; Treas. Reg. "
        "1.408A-10 Q&A-3; Topic 413). Covers every sheltered account type, all years.",
    },
    "partial-withdrawal-no-loss": {
        "explanation": """\
Taking out part of the money never produces a deductible loss, however far the
balance has fallen. Under the old rule a loss could only be measured once every
account of the kind had been emptied, because until then the account is not
finished. For IRAs, "the kind" means all your traditional, SEP and SIMPLE IRAs
counted together (26 U.S.C. 408(d)(2)), or all your Roth IRAs as their own group,
and each spouse is counted separately.

The withdrawal is taxed under the usual rules. Pre-tax money is ordinary income.
If you have after-tax or Roth basis, part of the payout can come back tax-free,
and any basis you have not used stays with the account for later.

Before age 59½, the taxable part of a withdrawal from a 401(k), 403(b) or IRA can
also carry a 10% additional tax (26 U.S.C. 72(t)); a return of basis carries none.
From an HSA, money spent on qualified medical costs is tax-free, and anything else
is income plus an additional tax unless an exception applies.""",
        "instead": """\
- Check how much of the withdrawal is taxable: the payer's Form 1099-R shows it,
  and Form 8606 tracks after-tax basis in a traditional IRA.
- If you are under 59½, look at the exceptions to the 10% additional tax. One is
  leaving your job in or after the year you turn 55 (50 for qualified public
  safety employees), which helps for that employer's plan but not for IRAs.
- A governmental 457(b) has no 10% additional tax, except on money rolled in from
  other kinds of plan.
- Keep a record of the basis still in the account: it remains yours.""",
        "editor_note": "Checked against LAW.md sections 3 (partial withdrawal never "
        "recognises a loss; 408(d)(2) grouping) and 6 (early-withdrawal figures).",
    },
    "pre-tax-no-basis": {
        "explanation": """\
Pre-tax money is money that was never taxed on the way in: payroll deferrals,
your employer's contributions, and IRA contributions you deducted. Because you
paid no tax on it, your basis in it (what the tax rules treat as your own
investment) is zero.

A loss is measured against basis. With nothing to measure against, getting back
less than was contributed is not a loss for tax purposes; the whole payout is
ordinary income in the year you receive it. IRS Publication 575 explains this for
workplace plans and Publication 590-B for IRAs. The answer is the same in every
tax year, before and after 2018.

It can feel unfair, but the tax benefit came at the start: those contributions
were left out of your taxable income when they were made.""",
        "instead": """\
- Report the payout as income; the payer's Form 1099-R shows the amount.
- Before age 59½ the taxable payout may also carry the 10% additional tax
  (26 U.S.C. 72(t)) unless an exception applies; from a SIMPLE IRA in the first
  two years of participation it is 25%.
- If the money has not been paid out yet, a rollover to another plan or IRA
  instead of cash keeps it sheltered and defers the tax.
- If some of the money was after-tax or Roth, answer again for that kind: that
  part does have basis.""",
        "editor_note": "Checked against LAW.md sections 2 (no basis in pre-tax money) and "
        "6 (10% and SIMPLE 25% figures). All years.",
    },
    "hsa-no-basis": {
        "explanation": """\
Money goes into a health savings account before tax: contributions through your
employer are left out of your pay, and contributions you make yourself are
deducted. Either way the money has no basis, so an HSA paid out for less than
went in shows no loss for tax purposes.

What decides the tax is what the money is spent on. A payout for qualified
medical expenses is tax-free. A payout for anything else is income, and it also
carries an additional tax of 20% (10% for distributions before 2011) unless you
are 65 or older, you are disabled, or the payout follows the account holder's
death. IRS Publication 969 and 26 U.S.C. 223(f) set this out.""",
        "instead": """\
- Spend HSA money on qualified medical expenses, which come out tax-free.
- Keep receipts for medical costs you pay yourself after the HSA was set up: you
  can reimburse yourself from the account later.
- If money is still in the account, leaving it invested costs nothing in tax.""",
        "editor_note": "Checked against LAW.md sections 6 (HSA 20%, 10% before 2011, "
        "exceptions) and 8 (worked example). HSAs exist from tax year 2004.",
    },
    "ira-basis-loss-2-percent": {
        "explanation": """\
For tax years before 2018 there was one narrow way to deduct a loss in an IRA.
Every IRA of the same kind had to be paid out completely, and the total you got
back had to be less than your unrecovered basis. Basis here means nondeductible
contributions to a traditional IRA (tracked on Form 8606) or contributions to a
Roth IRA, less anything you had already taken out tax-free.

"The same kind" means all your traditional, SEP and SIMPLE IRAs added together as
one, since the code treats them as a single contract (26 U.S.C. 408(d)(2)), or
all your Roth IRAs as a separate group. Each spouse's IRAs are counted on their
own.

The shortfall was a miscellaneous itemized deduction on Schedule A. It helped only
if you itemised, and only by the amount that all your miscellaneous itemized
deductions together came to more than 2% of adjusted gross income (26 U.S.C.
67(a)). For example, with $12,000 of basis, $10,000 received and an AGI of
$50,000, the loss is $2,000 and the floor is $1,000, so $1,000 was deductible if
nothing else fell in that category.""",
        "instead": """\
- Work out the loss as unrecovered basis minus everything received from all IRAs
  of the kind; for a traditional IRA, Form 8606 holds the basis.
- Check that every IRA of the kind was empty; a partial withdrawal never counts.
- The deduction is added back for the alternative minimum tax
  (26 U.S.C. 56(b)(1)(A)(i)), so check whether AMT applied that year.""",
        "editor_note": "Checked against LAW.md section 3 (conditions, 408(d)(2) grouping, "
        "2% floor, AMT add-back) and the worked example in section 8.",
    },
    "plan-basis-loss-2-percent": {
        "explanation": """\
For tax years before 2018, a workplace plan such as a 401(k) or 403(b) could give
a deduction in one situation: your entire interest in the plan was paid out in
cash, and you received less than your after-tax or Roth contributions that had
not already come back to you.

The shortfall was then handled like the IRA loss: a miscellaneous itemized
deduction on Schedule A, allowed only if you itemised and only for the part of
all such deductions above 2% of adjusted gross income (26 U.S.C. 67(a)).

**This answer is less certain than the one for IRAs.** Its main support is
Revenue Ruling 72-305, which concerns a lump-sum cash payout below the
employee's own contributions. We have only partly verified how far that ruling
reaches for plans today, so if a real amount depends on it, check with a tax
professional before relying on it.""",
        "instead": """\
- Confirm that the payout covered your whole interest in the plan and was taken
  in cash, not rolled over.
- Take your after-tax or Roth contribution total from the plan's records, minus
  anything already paid back to you tax-free.
- The deduction is added back for the alternative minimum tax
  (26 U.S.C. 56(b)(1)(A)(i)).
- Because the authority is thinner than for IRAs, get professional advice before
  claiming it.""",
        "editor_note": "LAW.md section 3 marks plan-side support (Rev. Rul. 72-305) as "
        "partly verified: keep the 'less certain' paragraph until it is confirmed. The "
        "engine applies this rule to 401(k), Roth 401(k), 403(b) and governmental 457(b); "
        "LAW.md names only 401(k) and 403(b).",
    },
    "basis-loss-suspended-tcja": {
        "explanation": """\
An account emptied for less than its after-tax or Roth basis could only ever
produce one kind of deduction: a miscellaneous itemized deduction above the 2%
floor. Before 2018 that was allowed, within limits.

The Tax Cuts and Jobs Act (Public Law 115-97, signed 22 December 2017) added 26
U.S.C. 67(g), which allows no miscellaneous itemized deductions at all for tax
years 2018 through 2025. For those years the loss cannot be deducted, whether or
not you itemise. IRS Publication 529 reflects the change.

Your basis still does something for you: the after-tax or Roth money that comes
back is a tax-free return of what you put in, not income.""",
        "instead": """\
- Check that the tax-free part of the payout (your basis) was reported as such and
  not as income; Form 1099-R and, for IRAs, Form 8606 show it.
- Before age 59½, only the taxable part of a payout can carry the 10% additional
  tax; a return of basis carries none.""",
        "editor_note": "Checked against LAW.md section 4 (TCJA, 67(g), 2018-2025).",
    },
    "basis-loss-terminated": {
        "explanation": """\
A loss of after-tax or Roth basis in a retirement account could only ever be a
miscellaneous itemized deduction, and those were suspended from 2018 through
2025. Public Law 119-21 (signed 4 July 2025), in section 70110, removed the end
date. The rule now sits at 26 U.S.C. 67(h): no miscellaneous itemized deduction
for any tax year beginning after 31 December 2017.

The only carve-out it keeps is for educator expenses, which has nothing to do
with investment losses. So for 2026 and later, as for 2018 to 2025, the loss
cannot be deducted.

Your basis is still not taxed twice: the after-tax or Roth part of the payout
comes back to you tax-free.""",
        "instead": """\
- Check that the tax-free part of the payout (your basis) was reported as such and
  not as income; Form 1099-R and, for IRAs, Form 8606 show it.
- Before age 59½, only the taxable part of a payout can carry the 10% additional
  tax; a return of basis carries none.""",
        "editor_note": "Checked against LAW.md section 4 (P.L. 119-21 sec. 70110, 67(h), "
        "educator-expense carve-out), tax years 2026 on.",
    },
    "taxable-unrealised": {
        "explanation": """\
In a taxable brokerage account a loss counts for tax only once it is realised:
when you sell or exchange the investment, or when it becomes completely
worthless. A lower price on your statement, however steep the drop, does not
change your tax by itself.

Once you sell, the loss is a capital loss. It cancels capital gains first, then
reduces other income by up to $3,000 a year ($1,500 if married filing
separately), and anything left carries forward to later years (26 U.S.C. 1211(b)
and 1212(b); IRS Tax Topic 409).""",
        "instead": """\
- If you sell to take the loss, do not buy the same or a substantially identical
  investment within 30 days before or after the sale, in any of your accounts or
  your spouse's, including an IRA; otherwise the wash-sale rule delays or removes
  the loss.
- A sale counts for the tax year in which it happens.
- Keep your purchase records: the loss is measured from what you paid.""",
        "editor_note": "Checked against LAW.md section 5 (realisation; 1211(b) limits; "
        "1091 window).",
    },
    "capital-loss-sale": {
        "explanation": """\
Selling an investment in a taxable account for less than you paid for it
realises a capital loss. It is set against your capital gains for the year first,
with no limit on how much gain it can cancel.

If your losses are bigger than your gains, the net loss can reduce your other
income, such as wages, by up to $3,000 a year, or $1,500 if you are married and
file separately (26 U.S.C. 1211(b)). What is left carries forward to later years
with no expiry date and keeps its short-term or long-term character (26 U.S.C.
1212(b)).

For example, a single filer with a $10,000 net loss and no gains deducts $3,000
this year and carries $7,000 forward.""",
        "instead": """\
- Report each sale on Form 8949 and the totals on Schedule D.
- Keep the capital loss carryover worksheet, so you can use the rest next year.
- To stay invested without losing the deduction, buy something that is not
  substantially identical, or wait more than 30 days before buying back.""",
        "editor_note": "Checked against LAW.md section 5 and the worked example in "
        "section 8 (10,000 loss: 3,000 now, 7,000 carried).",
    },
    "worthless-security": {
        "explanation": """\
When a stock or bond you hold in a taxable account becomes completely worthless,
the tax rules treat it as sold for nothing on the last day of that tax year (26
U.S.C. 165(g)). From there it is a capital loss like any other.

It cancels capital gains first and then up to $3,000 of other income a year
($1,500 if married filing separately), with the rest carried forward. The year
that counts is the year it became worthless, which is not always the year you
found out.""",
        "instead": """\
- Claim the loss for the year the security became worthless, and keep evidence
  such as a bankruptcy or liquidation notice.
- A security that has only fallen in value, even sharply, is not worthless:
  selling it is what realises the loss.
- Report it on Form 8949 and Schedule D, dated the last day of the tax year.""",
        "editor_note": "Checked against LAW.md section 5 (165(g); 1211(b)).",
    },
    "wash-sale-deferred": {
        "explanation": """\
A wash sale happens when you sell at a loss and you, or your spouse, buy the same
or a substantially identical investment within 30 days before or after the sale:
a window of 61 days around it. The loss is then disallowed for now (26 U.S.C.
1091).

It is not gone. The disallowed amount is added to the cost basis of the
replacement shares, so it lowers your gain, or increases your loss, when you
later sell those shares without triggering another wash sale. IRS Publication 550
covers the details.""",
        "instead": """\
- Keep the adjusted basis of the replacement shares; your broker's statements
  usually show the disallowed amount.
- Next time, wait more than 30 days before buying back, or switch to an
  investment that is not substantially identical.
- Remember that purchases by your spouse count too.""",
        "editor_note": "Checked against LAW.md section 5 (1091; 61-day window; spouse).",
    },
    "wash-sale-into-ira": {
        "explanation": """\
Selling at a loss in a taxable account and buying the same or a substantially
identical investment inside your IRA or Roth IRA within 30 days before or after
the sale is still a wash sale, so the loss is disallowed. Revenue Ruling 2008-5
deals with exactly this case.

The difference from an ordinary wash sale is what happens next. The disallowed
loss is not added to anything, because the IRA's basis is not increased. The
loss is therefore lost for good: it will never reduce your tax.""",
        "instead": """\
- Next time, wait more than 30 days before buying the investment in an IRA, or
  buy something that is not substantially identical.
- If you do want to buy back inside the window, doing it in the taxable account
  at least keeps the loss: it moves into the basis of the new shares.""",
        "editor_note": "Checked against LAW.md section 5 (Rev. Rul. 2008-5).",
    },
    "unsure-depends": {
        "explanation": """\
Here the answer turns on the kind of money that was in the account, and you told
us you are not sure which kind you have. Pre-tax money has no basis, so it never
produces a deductible loss. After-tax and Roth money does have basis, and for tax
years before 2018 an account emptied for less than that basis could give a
miscellaneous itemized deduction.

The list above gives the answer for each kind of money. Many accounts hold more
than one kind; each part follows its own answer.""",
        "instead": """\
- Find out which kind you have: the plan's statements or your pay stubs show
  pre-tax, after-tax and Roth amounts separately.
- For a traditional IRA, Form 8606 filed with your tax returns records
  nondeductible (after-tax) contributions.
- Then answer again with that kind of money for a definite answer.""",
        "editor_note": "Combining rule: shown when the kinds of money give different "
        "verdicts. In practice an account emptied at a loss in a year before 2018.",
    },
    "unsure-no-either-way": {
        "explanation": """\
You are not sure what kind of money was in the account, but here it does not
change the answer: no kind gives a deduction. The reasons differ, as the list
above shows.

Pre-tax money has no basis, so getting less back is not a tax loss at all.
After-tax and Roth money does have basis, but the only deduction such a loss ever
fed into, a miscellaneous itemized deduction, is not allowed for the tax years in
question (from 2018 on).""",
        "instead": """\
- Knowing which kind you have still matters later: after-tax and Roth basis comes
  back to you tax-free, while pre-tax money is income when paid out.
- Your plan statements, pay stubs or, for a traditional IRA, Form 8606 show which
  kind you have.
- Make sure any tax-free part of a payout was not reported as income.""",
        "editor_note": "Combining rule: shown when every kind of money gives no "
        "deduction, for different reasons. In practice an account emptied at a loss "
        "from 2018 on.",
    },
}


def unwrap(markdown: str) -> str:
    return _SOFT_BREAK.sub(" ", markdown)


def seed(apps, schema_editor):
    from rules.markup import render

    Explanation = apps.get_model("rules", "Explanation")
    HistoricalExplanation = apps.get_model("rules", "HistoricalExplanation")
    now = timezone.now()
    for rule_id, wrapped in TEXTS.items():
        text = {field: unwrap(value) for field, value in wrapped.items()}
        row, created = Explanation.objects.get_or_create(
            rule_id=rule_id,
            defaults={
                "explanation": text["explanation"],
                "instead": text["instead"],
                "explanation_html": render(text["explanation"]),
                "instead_html": render(text["instead"]),
                "editor_note": text["editor_note"],
                "last_reviewed": REVIEWED,
            },
        )
        if created:
            # A first history entry, so the seeded text can be restored after an edit.
            HistoricalExplanation.objects.create(
                rule_id=row.rule_id,
                explanation=row.explanation,
                instead=row.instead,
                editor_note=row.editor_note,
                last_reviewed=row.last_reviewed,
                created_at=row.created_at,
                history_date=now,
                history_type="+",
                history_change_reason=REASON,
            )


def unseed(apps, schema_editor):
    apps.get_model("rules", "Explanation").objects.filter(rule_id__in=TEXTS).delete()
    apps.get_model("rules", "HistoricalExplanation").objects.filter(
        history_change_reason=REASON
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("rules", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
