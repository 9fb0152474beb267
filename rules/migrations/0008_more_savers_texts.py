"""Editor text for the rules issue 12 adds: inherited IRAs, 529 plans and Coverdell
accounts, and Roth conversions (rules/rulebook/inherited.py, education.py and
conversions.py).

1. Adds a text for each new rule (get_or_create: safe to re-run), with a first
   history entry so an editor's later change can be undone.
2. Records, for each text, the fingerprint of the rule's law it was reviewed
   against. A rule this migration widened to new accounts (sheltered-no-realisation
   now covers inherited IRAs) has its fingerprint recorded again only when the text
   was last reviewed against the rule as it stood before, and the text still fits
   (it speaks of any kind of IRA); a text reviewed against anything else is left
   due for review.

Written for this project from the project's notes on the law (LAW.md section 9,
LAW-FINDINGS section 5) and checked against each rule's headline and reason: the
engine decides, these texts explain. Figures that changed over the years carry
their years, because one text is shown for every tax year a rule covers.

Reverse: deletes the added rows and their first history entries.
"""

from __future__ import annotations

import dataclasses
import datetime
import importlib

from django.db import migrations
from django.utils import timezone

REVIEWED = datetime.date(2026, 11, 28)
ADD_REASON = "Default text for a rule added for more savers (seeded by migration 0008)"
# Rules widened here to accounts they did not cover, with those accounts.
WIDENED = {"sheltered-no-realisation": frozenset({"inherited-ira", "inherited-roth-ira"})}

NEW_TEXTS: dict[str, dict[str, str]] = {
    # --- Inherited IRAs
    "inherited-transfer-only": {
        "explanation": """\
When you inherit an IRA from someone other than your spouse, you cannot roll it
over the way its owner could. The tax code denies rollover treatment to an
inherited account (26 U.S.C. 408(d)(3)(C)), and an inherited Roth IRA follows the
same rule (408A(a)). What you can do is have the money moved straight from one
trustee to another, into an IRA still set up in the name of the person who died,
for you as beneficiary. IRS Publication 590-B describes this transfer; it is not a
payout.

Because nothing was paid out, nothing was realized. A balance that fell before the
move simply arrives smaller, and any basis of the person who died (nondeductible
contributions recorded on their Form 8606, or Roth contributions) moves with it.
There is no loss to deduct, in any tax year.

If a check was made out to you instead, that was a withdrawal. A beneficiary who is
not the spouse cannot put it back within 60 days: it is taxed as a payout from the
inherited IRA, though never with the additional tax on early withdrawals. A
surviving spouse has more choices, such as rolling the money into their own IRA or
treating the inherited IRA as their own.""",
        "instead": """\
- If the money came out to you, answer again for a withdrawal, or for taking
  everything out if every IRA you inherited from that person is now empty.
- Check the new account's title: it should still name the person who died, with
  you as beneficiary. Money moved into an IRA in your own name counts as paid out
  to you. Since 2007 a beneficiary who is not the spouse can also have money moved by
  direct rollover from the dead person's workplace plan into an inherited IRA
  (26 U.S.C. 402(c)(11)).
- A surviving spouse who made the IRA their own should answer for a traditional
  or Roth IRA.""",
        "editor_note": "Written for issue 12 (LAW.md section 9, inherited IRAs; LAW-FINDINGS "
        "S3). 408(d)(3)(C) denies rollovers of inherited accounts except to a surviving "
        "spouse; Pub 590-B describes the trustee-to-trustee transfer to an IRA in the "
        "decedent's name; 402(c)(11) (PPA 2006 sec. 829) from 2007. All years.",
    },
    "inherited-partial-withdrawal": {
        "explanation": """\
Taking part of the money out of an inherited IRA never gives a deductible loss,
however far the balance has fallen. The only loss the tax rules ever counted for
IRAs came when every account of the group was empty, and for a beneficiary the
group is the IRAs inherited from one person. They are kept apart from your own
IRAs and from anything inherited from someone else (IRS Publication 590-B;
Instructions for Form 8606).

Each withdrawal is taxed much as it would have been for the owner. From an
inherited traditional IRA, pre-tax money is ordinary income; if the person who
died had made nondeductible contributions, that basis passed to you and comes back
tax-free in proportion to the balance, worked out on a Form 8606 for the inherited
IRA. From an inherited Roth IRA the owner's contributions come out first and
tax-free, and earnings are tax-free too once five years have passed since the
owner's first Roth contribution (26 U.S.C. 408A(d)(2)).

Your age does not matter: a payout made because of the owner's death never carries
the 10% additional tax on early withdrawals (26 U.S.C. 72(t)(2)(A)(ii)).""",
        "instead": """\
- Check how much must come out and by when. When the owner died in 2020 or later,
  most beneficiaries other than a spouse, a minor child, a disabled or chronically
  ill person, or someone not more than ten years younger must empty the account by
  the end of the tenth year after the death, and some must also take a yearly
  amount meanwhile (26 U.S.C. 401(a)(9)(H)). Earlier deaths follow older rules.
- Keep a separate Form 8606 for each person you inherited from, so the basis you
  inherited is not taxed.
- Leaving the rest invested costs nothing in tax while it stays in the account.""",
        "editor_note": "Written for issue 12 (LAW.md section 9; LAW-FINDINGS S3). "
        "Pub 590-B and the Form 8606 instructions keep inherited basis apart, per "
        "decedent; 72(t)(2)(A)(ii) death exception; 408A(d)(2) five-year period; 10-year "
        "rule for deaths after 2019 (SECURE Act, P.L. 116-94 sec. 401).",
    },
    "inherited-no-basis": {
        "explanation": """\
An inherited traditional IRA that held only pre-tax money (deductible
contributions, money rolled in from a workplace plan, and the earnings on them) has
no basis for you, just as it had none for the person who died. Getting back less
than the account was worth at the death, or less than was ever put in, is not a
loss for tax purposes: the whole payout is ordinary income to you in the year you
receive it (IRS Publication 590-B).

There is no 10% additional tax on it, whatever your age, because it is paid after
the owner's death (26 U.S.C. 72(t)(2)(A)(ii)). And the fall in value does lower
your tax in its own way: a smaller payout is less income.

One deduction is tied to inherited pre-tax money. If the estate of the person who
died paid federal estate tax, whoever reports the IRA as income can deduct the part
of that estate tax that fell on it (26 U.S.C. 691(c)). It is an itemized deduction
on Schedule A but not a miscellaneous one (26 U.S.C. 67(b)(7)), so the suspension
of those deductions from 2018 on does not touch it. IRS Publication 559 explains
how to work it out.""",
        "instead": """\
- Report the payout as income; the Form 1099-R from the IRA's trustee shows it,
  with code 4 (death) in box 7.
- Ask the executor whether the estate paid federal estate tax; if it did, work out
  the deduction for income in respect of a decedent with Publication 559.
- If the person who died had made nondeductible contributions (their Form 8606
  shows them), answer again with after-tax money.""",
        "editor_note": "Written for issue 12 (LAW-FINDINGS S3: 691(c) is not a "
        "miscellaneous itemized deduction, 67(b)(7), so it survives 2018 on). No basis in "
        "pre-tax money (Pub 590-B); death exception 72(t)(2)(A)(ii). All years.",
    },
    "inherited-basis-covered": {
        "explanation": """\
For IRAs a loss is measured on the whole group, not on one account or one kind of
money. For a beneficiary the group is the IRAs inherited from the same person:
they are not added to your own IRAs, nor to IRAs inherited from anyone else (IRS
Publication 590-B; the Instructions for Form 8606 ask for a separate form for
each person). The test adds up everything received from that group, pre-tax money
and earnings included, and compares the total with the basis that passed to you
and had not yet come back (IRS Notice 89-25, Q&A-7).

Your total covered that basis, so there is no loss, even though the account had
once been worth more. The fall landed on pre-tax money and earnings, which had
never been taxed and so had no basis to lose. This is the answer in every tax
year.""",
        "instead": """\
- Check that the tax-free part of the payout was worked out on a Form 8606 for the
  inherited IRA, not on the one for your own IRAs.
- Only the rest is income, and it never carries the 10% additional tax on early
  withdrawals, because it is paid after a death.
- If the estate paid federal estate tax, the deduction for the part that fell on
  this IRA still applies (26 U.S.C. 691(c)).""",
        "editor_note": "Written for issue 12 (LAW.md section 9: inherited IRAs kept apart, "
        "basis carries over; the whole-account test of Notice 89-25 Q&A-7 applied to the "
        "IRAs inherited from one person). All years.",
    },
    "inherited-basis-loss-2-percent": {
        "explanation": """\
For tax years before 2018, an IRA owner who emptied every IRA of a kind for less
than the unrecovered basis could deduct the shortfall as a miscellaneous itemized
deduction (IRS Notice 89-25, Q&A-7; Publication 590-B, 2017 edition). A
beneficiary inherits the basis of the person who died and keeps it apart from their
own (Instructions for Form 8606). So we apply the same test to the IRAs inherited
from one person as a group: everything received from them, pre-tax money included,
against the basis that passed to you.

**This answer is our reading, not settled law.** No statute, regulation, ruling or
court decision we know of applies the loss rule to a beneficiary in so many words,
and the IRS publications describe it for the owner's own IRAs. The IRS or a court
could see it differently.

If it applies, the shortfall went on Schedule A and counted only for the part of
all miscellaneous itemized deductions above 2% of adjusted gross income, and only
if you itemized (26 U.S.C. 67(a)). It was added back for the alternative minimum
tax (26 U.S.C. 56(b)(1)(A)(i)), and at higher incomes the overall limit on
itemized deductions (26 U.S.C. 68; 1991 through 2009 and 2013 through 2017) could
reduce it.""",
        "instead": """\
- Work out the loss as the basis that passed to you (the last Form 8606 of the
  person who died, less anything that came back tax-free since) minus everything
  received from the IRAs inherited from that person.
- Check that all of them were empty; a partial withdrawal never counts.
- Because the ground is uncertain, ask a tax professional before claiming it.""",
        "editor_note": "Written for issue 12. Certainty 'unsettled' on purpose: the loss "
        "rule (Notice 89-25 Q&A-7; Pub 590-B 2017) speaks of the owner's IRAs, and we "
        "extend it to the IRAs inherited from one person because Form 8606 keeps their "
        "basis apart. Keep the bold paragraph until an authority is found.",
    },
    "inherited-basis-loss-not-allowed": {
        "explanation": """\
Where a beneficiary could claim a loss on inherited IRAs emptied below their basis
at all, it was a miscellaneous itemized deduction above the 2% floor. The Tax Cuts
and Jobs Act (Public Law 115-97) allowed none of those for 2018 through 2025 (26
U.S.C. 67(g)), and Public Law 119-21, section 70110, made that permanent from 2026
(26 U.S.C. 67(h)). So for 2018 and later there is no federal deduction, whether or
not you itemize.

The basis you inherited is still yours: the part of each payout that returns it is
tax-free, worked out on a Form 8606 for the inherited IRA. And a different
deduction survives. If the estate paid federal estate tax, you can deduct the part
that fell on the inherited IRA (26 U.S.C. 691(c)), because it is not a
miscellaneous itemized deduction (67(b)(7)).""",
        "instead": """\
- Check that the tax-free part of the payout was reported as such: Form 1099-R
  shows the payout and Form 8606 the basis.
- Ask the executor whether estate tax was paid, and see IRS Publication 559 for the
  deduction.
- Some states still allow miscellaneous itemized deductions on their own return;
  check yours.""",
        "editor_note": "Written for issue 12 (LAW.md sections 4 and 9). 67(g) for 2018-2025 "
        "(P.L. 115-97 sec. 11045), 67(h) from 2026 (P.L. 119-21 sec. 70110); 691(c) not "
        "miscellaneous (67(b)(7)).",
    },
    # --- 529 plans and Coverdell accounts
    "education-no-realisation": {
        "explanation": """\
A 529 plan (a qualified tuition program) and a Coverdell education savings account
are exempt from income tax (26 U.S.C. 529(a) and 530(a)). What happens to the
investments inside them is not reported on your return: a falling balance gives no
deduction, and neither does moving from one investment option to another within
the account.

Tax comes in only when money is paid out. Each payout is part contributions, which
come back tax-free because they were made with money already taxed, and part
earnings, which are tax-free when spent on qualified education costs (IRS
Publication 970). For tax years before 2018 there was one narrow exception for
losses: an account paid out in full for less than its contributions could give a
miscellaneous itemized deduction.

A 529 plan limits how often you can change the way the money is invested: twice a
calendar year since 2015 (26 U.S.C. 529(b)(4)); before that, IRS guidance
generally allowed once a year. A Coverdell account has no such limit.""",
        "instead": """\
- If the money is not needed yet, staying invested costs nothing in tax: a
  recovery inside the account is tax-free when it is spent on education.
- If the beneficiary will not use it all, a member of their family can take over
  the account, and from 2024 part of a 529 held for at least 15 years can go to the
  beneficiary's Roth IRA.
- Your contributions are never taxed again, however far the balance falls.""",
        "editor_note": "Written for issue 12 (LAW.md section 9; LAW-FINDINGS S12). 529(a), "
        "530(a) exemption; 529(b)(4) twice a year for years from 2015 (ABLE Act of 2014, "
        "P.L. 113-295 div. B sec. 105, from memory: check it); the once-a-year practice "
        "before rests on IRS notices (Notice 2001-55), not checked in full.",
    },
    "education-rollover": {
        "explanation": """\
Moving money from a 529 plan to another 529 plan, by a direct transfer or by a
rollover finished within 60 days, is not a payout (26 U.S.C. 529(c)(3)(C)). The new
account must be for the same beneficiary or a member of the beneficiary's family,
and a rollover for the same beneficiary is allowed only once in 12 months. Nothing
is realized: a balance that fell before the move arrives smaller, and the record of
how much of it was contributions moves with it.

Over the years more doors opened. From December 22, 2017 a 529 could roll into an
ABLE account for the beneficiary or a family member, within the ABLE yearly
contribution limit (Tax Cuts and Jobs Act, section 11025); Public Law 119-21
removed the end date that rule had for 2025. From 2024 the beneficiary can move up
to $35,000 over a lifetime into their own Roth IRA, if the 529 has been open at
least 15 years, leaving out contributions of the last five years and within the
Roth IRA yearly limit (SECURE 2.0 Act, section 126; 26 U.S.C. 529(c)(3)(E)).

A Coverdell account can be rolled into another Coverdell account within 60 days
for the same beneficiary or a family member under 30 (26 U.S.C. 530(d)(5)), and
money taken from a Coverdell account and put into a 529 plan for the same
beneficiary counts as spent on education (IRS Publication 970).""",
        "instead": """\
- Keep the statement from the old account showing how much of what moved was
  contributions and how much earnings, and check the new account recorded it;
  without it the whole amount may be treated as earnings.
- A direct transfer between plans avoids the 60-day deadline and the
  once-a-year limit. Money moved into a Roth IRA or an ABLE account counts toward
  that account's yearly limit; anything above it is not a rollover.
- If the money was paid to you and not moved in time, it was a payout: answer
  again for a withdrawal, or for taking everything out.""",
        "editor_note": "Written for issue 12 (LAW.md section 9). 529(c)(3)(C); ABLE "
        "rollovers from Dec 22, 2017 (P.L. 115-97 sec. 11025), end date removed by P.L. "
        "119-21 (section number not checked against the enrolled text); 529 to Roth IRA "
        "from 2024 (P.L. 117-328 sec. 126); 530(d)(5); Coverdell to 529 per Pub 970.",
    },
    "education-partial-withdrawal": {
        "explanation": """\
Taking part of the money out of a 529 plan or Coverdell account never gives a
deductible loss, however far the balance has fallen. A loss could only ever be
counted when the account was paid out in full, and only for tax years before 2018.

Each withdrawal is split in proportion into contributions, which come back
tax-free, and earnings (26 U.S.C. 529(c)(3) and 530(d)(1), which apply the annuity
rules of 26 U.S.C. 72). After a fall there may be no earnings at all, and then
nothing is taxed. Earnings spent on the beneficiary's qualified education costs
are tax-free.

Other earnings are income to whoever receives the payout, and usually carry a 10%
additional tax (26 U.S.C. 530(d)(4); for a 529 from 2002, 529(c)(6); before then
the plan itself had to charge a penalty). There are exceptions, such as a
scholarship, the beneficiary's death or disability, or attending a US military
academy.""",
        "instead": """\
- Keep receipts for the education costs the withdrawal paid for, in the same year
  as the withdrawal.
- The plan's Form 1099-Q shows the payout split into earnings and basis;
  Publication 970 has a worksheet for the taxable part.
- Costs paid with tax-free withdrawals cannot also count for an education credit.""",
        "editor_note": "Written for issue 12 (LAW.md section 9). Pro rata recovery under "
        "529(c)(3)(A) and 530(d)(1) (section 72); 10% additional tax 530(d)(4), for 529s "
        "from 2002 (EGTRRA, 529(c)(6)); exceptions per Pub 970.",
    },
    "education-loss-2-percent": {
        "explanation": """\
For tax years before 2018, a 529 plan or Coverdell account paid out in full for
less than the contributions not yet taken back could give a deduction. IRS
Publication 970 (editions for 2017 and earlier) set it out for both: the loss is
allowed only when everything has been paid out and the total is less than the
unrecovered basis, which is the contributions.

For a 529, "everything" depended on the year. Until 2014 the law counted every
account in the same program for the same beneficiary as one (26 U.S.C. 529(c)(3)(D)
as it then stood), so all of them had to be empty. The PATH Act repealed that for
distributions after 2014 (Public Law 114-113, division Q, section 302; IRS Notice
2016-13): from 2015 each account is looked at on its own.

The shortfall was a miscellaneous itemized deduction on Schedule A. It helped only
if you itemized, and only for the part of all such deductions above 2% of adjusted
gross income (26 U.S.C. 67(a)); it was added back for the alternative minimum tax.
The publication says "you" without saying whether that means the owner or the
beneficiary when they are different people.""",
        "instead": """\
- Work out the loss as the contributions not yet taken back minus everything paid
  out; Form 1099-Q shows both.
- Check that the account was fully paid out (before 2015, every 529 account in the
  same program for that beneficiary); a partial withdrawal never counts.
- If the owner and the beneficiary are different people, ask a tax professional
  which of you can claim it.""",
        "editor_note": "Written for issue 12 (LAW.md section 9; LAW-FINDINGS S12). Pub 970 "
        "(2017) 'Losses on QTP investments' and the Coverdell counterpart; aggregation "
        "ended by P.L. 114-113 div. Q sec. 302(b) (Notice 2016-13). When aggregation "
        "began (1996 law, 1998 proposed regulations or 2001 statute) was not checked.",
    },
    "education-loss-not-allowed": {
        "explanation": """\
A 529 plan or Coverdell account paid out in full for less than its contributions
could only ever give a miscellaneous itemized deduction above the 2% floor. The Tax
Cuts and Jobs Act (Public Law 115-97) allowed no such deductions for 2018 through
2025 (26 U.S.C. 67(g)), and Public Law 119-21, section 70110, ended them for good
from 2026 (26 U.S.C. 67(h)). For these years the loss cannot be deducted on your
federal return.

Nothing is taxed on the way out, though. The contributions come back tax-free, and
when the account paid out less than was put in there are no earnings, so no income
and no additional tax, whatever the money was spent on.""",
        "instead": """\
- Check that the Form 1099-Q shows no earnings, and that nothing from it was
  reported as income.
- Some states still allow miscellaneous itemized deductions on their own return,
  and some take back a state deduction given for contributions when the money is
  not spent on education: check your state's rules.
- Money left in another account for the same beneficiary can still be spent on
  education tax-free.""",
        "editor_note": "Written for issue 12 (LAW.md sections 4 and 9). 67(g) for 2018-2025, "
        "67(h) from 2026; no earnings below basis, so no income and no 10% tax.",
    },
    # --- Roth conversions
    "conversion-recharacterizable": {
        "explanation": """\
A Roth conversion moves pre-tax money into a Roth account, and the pre-tax value
moved is income for the year of the conversion (26 U.S.C. 408A(d)(3)). From a
traditional, SEP or SIMPLE IRA it has been possible since Roth IRAs began in 1998;
from a 401(k), 403(b) or governmental 457(b) straight into a Roth IRA since 2008
(Pension Protection Act of 2006, section 824); and inside the plan, into its own
Roth account, since late 2010 (2011 for a 457(b)). If the investments fall after
the conversion, that is a loss inside a Roth account: never deductible, and it does
not reduce the tax on the conversion.

For conversions made in 1998 through 2017 there was a way back. Until the due date
of that year's return, extensions included (usually October 15 of the next year), a
conversion into a Roth IRA could be recharacterized: moved back, with its gains or
losses, to a traditional IRA, and then treated as never made, so its tax went away
(26 U.S.C. 408A(d)(6); Treas. Reg. 1.408A-5). People used it when the value fell
soon after converting, and could convert again later, though not in the same tax
year and not within 30 days of undoing it. A conversion inside a workplace plan
could never be undone (IRS Notice 2010-84).

Until 2009 a conversion also needed modified adjusted gross income of $100,000 or
less, and was not allowed on a married-filing-separately return. Those limits ended
in 2010, when the income from a conversion could also be spread over 2011 and
2012.""",
        "instead": """\
- The time to undo a conversion from those years has long passed, so its tax
  stands. Keep that year's Form 8606 and Form 1099-R: they record the converted
  amount, which is basis in your Roth IRA.
- Money converted and then taken out within five years, before age 59½, carries
  the 10% additional tax unless an exception applies (26 U.S.C. 408A(d)(3)(F)).
  The five years are counted for each conversion on its own, from January 1 of
  its year.
- If all your Roth IRAs were later emptied for less than your basis, conversions
  included, the loss may have been deductible before 2018: answer again for a Roth
  IRA.""",
        "editor_note": "Written for issue 12 (LAW.md section 9, Roth conversions; "
        "LAW-FINDINGS S4). 408A(d)(3); recharacterization 408A(d)(6), Treas. Reg. 1.408A-5 "
        "(reconversion waiting period Q&A-9); plan conversions from 2008 (P.L. 109-280 sec. "
        "824, Notice 2008-30); in-plan Roth rollovers from Sept 2010, not undoable (Notice "
        "2010-84); $100,000 limit to 2009; 2010 income spread.",
    },
    "conversion-final": {
        "explanation": """\
A Roth conversion moves pre-tax money into a Roth account, and the pre-tax value
moved is income for the year of the conversion (26 U.S.C. 408A(d)(3)). If the
investments fall afterwards, that is a loss inside a Roth account: never
deductible, and it does not reduce the tax on the conversion.

Before 2018 a conversion could be undone by the return's due date and its tax with
it. The Tax Cuts and Jobs Act ended that for conversions made in tax years from
2018 (Public Law 115-97, section 13611; 26 U.S.C. 408A(d)(6)(B)(iii)): a conversion
made now is final. A regular contribution can still be switched between a
traditional and a Roth IRA by the due date; a conversion cannot.

Timing a conversion is a planning choice, not a tax loss. Converting while prices
are down moves more shares into the Roth account for the same tax, and any recovery
afterwards happens inside the Roth. Whether it pays depends on your tax rate now
compared with later, and on having money outside the account to pay the tax.""",
        "instead": """\
- Report an IRA conversion on Form 8606. If any of your traditional, SEP or SIMPLE
  IRAs holds nondeductible contributions, part of the conversion is tax-free, in
  proportion over all of them together at the end of the year (26 U.S.C.
  408(d)(2)). A conversion from a workplace plan shows on the plan's Form 1099-R.
- Money converted and then taken out within five years, before age 59½, carries
  the 10% additional tax unless an exception applies (26 U.S.C. 408A(d)(3)(F); for a
  conversion inside a plan, 402A(c)(4)(D)). Tax withheld from the conversion itself
  is not converted: it is a taxable payout, which before 59½ can carry that tax too.
- If all your Roth IRAs are later emptied for less than your basis, conversions
  included, that gives no federal deduction from 2018 on either.""",
        "editor_note": "Written for issue 12 (LAW.md section 9; LAW-FINDINGS S4). "
        "Recharacterization of conversions repealed for tax years after 2017 (P.L. 115-97 "
        "sec. 13611, 408A(d)(6)(B)(iii)); pro rata rule 408(d)(2); five-year rule "
        "408A(d)(3)(F), 402A(c)(4)(D). Neutral words on converting in a down market.",
    },
}


def _unwrap(markdown: str) -> str:
    return importlib.import_module("rules.migrations.0002_seed_explanations").unwrap(markdown)


def new_texts() -> dict[str, dict[str, str]]:
    """The texts as stored: one line per paragraph or list item (the note as written)."""
    return {
        rule_id: {f: _unwrap(value) if f != "editor_note" else value for f, value in text.items()}
        for rule_id, text in NEW_TEXTS.items()
    }


def _record(HistoricalExplanation, row, history_type: str, reason: str) -> None:
    HistoricalExplanation.objects.create(
        rule_id=row.rule_id,
        explanation=row.explanation,
        instead=row.instead,
        editor_note=row.editor_note,
        last_reviewed=row.last_reviewed,
        created_at=row.created_at,
        history_date=timezone.now(),
        history_type=history_type,
        history_change_reason=reason,
    )


def fingerprint_before(rule_id: str) -> str:
    """The fingerprint the widened rule had before it covered the new accounts."""
    from rules import review
    from rules.rulebook import RULES_BY_ID

    rule = RULES_BY_ID[rule_id]
    return review.fingerprint_of(
        dataclasses.replace(rule, accounts=rule.accounts - WIDENED[rule_id])
    )


def forward(apps, schema_editor):
    from rules import review
    from rules.markup import render

    Explanation = apps.get_model("rules", "Explanation")
    HistoricalExplanation = apps.get_model("rules", "HistoricalExplanation")
    for rule_id, text in new_texts().items():
        row, created = Explanation.objects.get_or_create(
            rule_id=rule_id,
            defaults={
                "explanation": text["explanation"],
                "instead": text["instead"],
                "explanation_html": render(text["explanation"]),
                "instead_html": render(text["instead"]),
                "editor_note": text["editor_note"],
                "last_reviewed": REVIEWED,
                "reviewed_fingerprint": review.fingerprint(rule_id),
            },
        )
        if created:
            _record(HistoricalExplanation, row, "+", ADD_REASON)
    for rule_id in WIDENED:
        # Reviewed against the rule as it was, and the text fits the wider rule: the
        # review now stands for the rule as it is.
        Explanation.objects.filter(
            rule_id=rule_id, reviewed_fingerprint=fingerprint_before(rule_id)
        ).update(reviewed_fingerprint=review.fingerprint(rule_id))


def backward(apps, schema_editor):
    from rules import review

    Explanation = apps.get_model("rules", "Explanation")
    HistoricalExplanation = apps.get_model("rules", "HistoricalExplanation")
    Explanation.objects.filter(rule_id__in=NEW_TEXTS).delete()
    HistoricalExplanation.objects.filter(history_change_reason=ADD_REASON).delete()
    for rule_id in WIDENED:
        Explanation.objects.filter(
            rule_id=rule_id, reviewed_fingerprint=review.fingerprint(rule_id)
        ).update(reviewed_fingerprint=fingerprint_before(rule_id))


class Migration(migrations.Migration):
    # Another branch adds 0007_plain_words; the two are chained when merged.
    dependencies = [("rules", "0007_plain_words")]
    operations = [migrations.RunPython(forward, backward)]
