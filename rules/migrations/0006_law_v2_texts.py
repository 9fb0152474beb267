"""Editor text for version 2 of the rules (the questions in rules/vocabulary.py) after
an independent legal review of version 1 (its findings are named W1-W4, T1-T18, C1-C10).

1. Adds a text for each rule new in version 2 (get_or_create: safe to re-run).
2. Corrects the seeded texts the review found wrong, overstated or missing a caveat
   (the findings each fixes are in REASONS). A field is changed only while it is
   still exactly as migrations 0002/0004 seeded it: an editor's own wording is
   never overwritten. Each change is recorded in the history like an edit.

Written for this project from the project's notes on the law and the review,
and checked against each rule's headline and reason in rules/rulebook/: the
engine decides, these texts explain. Figures that changed over the years carry
their years, because one text is shown for every tax year a rule covers.

Reverse: deletes the added rows, and puts back the seeded wording of any field
that still holds this migration's wording.
"""

from __future__ import annotations

import datetime
import importlib

from django.db import migrations
from django.utils import timezone

REVIEWED = datetime.date(2026, 11, 28)
ADD_REASON = "Default text for a version 2 rule (seeded by migration 0006)"
REVERT_REASON = "Seeded text restored (migration 0006 reversed)"
FIELDS = ("explanation", "instead", "editor_note")

# --- 1. Texts for the rules new in version 2

NEW_TEXTS: dict[str, dict[str, str]] = {
    "hsa-partial-withdrawal": {
        "explanation": """\
Money goes into a health savings account before tax: contributions through your
employer are left out of your pay, and contributions you make yourself are
deducted. The money in it therefore has no basis, and a withdrawal cannot produce
a loss for tax purposes, however far the balance has fallen.

What decides the tax is what the withdrawal pays for. Money spent on qualified
medical expenses comes out tax-free (26 U.S.C. 223(f)(1)). Anything else is
income, and it also carries an additional tax of 20% (10% for distributions
before 2011) unless you are 65 or older, you are disabled, or the payout follows
the account holder's death (26 U.S.C. 223(f)(2) and (4); IRS Publication 969).

What stays in the account stays sheltered: price moves inside it are not taxed,
and a recovery is not taxed either.""",
        "instead": """\
- Keep receipts for medical costs you paid after the HSA was set up: you can
  reimburse yourself from the account tax-free later, even years later.
- Report the withdrawal on Form 8889 with your return; the trustee's Form 1099-SA
  shows the amount.
- If you are close to 65, a non-medical withdrawal after that birthday is still
  income but carries no additional tax.""",
        "editor_note": "Written for version 2 (HSA withdrawals split from the plan and IRA "
        "rule). Checked against LAW.md section 6 and 9 (HSA 20%, 10% for distributions "
        "before 2011, P.L. 111-148 sec. 9004) and 26 U.S.C. 223(f). HSAs exist from tax "
        "year 2004.",
    },
    "basis-covered-no-loss": {
        "explanation": """\
The loss test looks at the whole, not at each kind of money. It adds up everything
you received, pre-tax money and earnings included, and compares the total with
your after-tax or Roth money that had not yet come back to you. For IRAs the whole
is all your IRAs of the kind together (26 U.S.C. 408(d)(2)); in a workplace plan
it is your balance in that plan, and a designated Roth account counts on its own
(26 U.S.C. 402A(d)(4)). Only a total below that basis is a loss (IRS Notice 89-25,
Q&A-7; for plans, Revenue Ruling 72-305).

Your total covered your basis, so there is no loss, even though you got back less
than everything you put in. The shortfall fell on pre-tax money, which was never
taxed and so had no basis to lose.

For example, with $10,000 of deducted and $5,000 of nondeductible contributions,
getting $12,000 back from all your traditional IRAs gives no loss: the $5,000 of
basis comes back tax-free and the other $7,000 is income. This is the answer in
every tax year.""",
        "instead": """\
- Check that the tax-free part of the payout was reported that way: Form 8606 for
  an IRA, box 5 of Form 1099-R for a plan.
- Only the rest is income. Before age 59½ that taxable part may also carry the 10%
  additional tax unless an exception applies ([IRS Tax Topic 558](https://www.irs.gov/taxtopics/tc558)); money
  converted to a Roth account within the last five years can carry it too
  (26 U.S.C. 408A(d)(3)(F)).
- If you are unsure of the totals, Form 1099-R (box 1) shows what was paid out, and
  Form 8606 or the plan's records show your basis.""",
        "editor_note": "Written for version 2 (the whole-account test, LAW-FINDINGS W2; "
        "LAW.md section 9). The designated Roth account as a separate contract follows "
        "DESIGN.md (IRC 402A(d)(4)); after-tax plan money may be one too (72(d)(2)), "
        "which the text does not go into.",
    },
    "related-party-sale": {
        "explanation": """\
The tax code allows no loss on a sale, direct or indirect, to a brother or sister,
a parent or grandparent, a child or grandchild, or a company more than half of
whose stock you own, counting shares your family owns (26 U.S.C. 267(a)(1), (b)
and (c)). It applies even at a fair price, and even when the sale
goes through a stock exchange and the relative buys there: the Supreme Court said
so in *McWilliams v. Commissioner*, 331 U.S. 694 (1947).

The loss is not wasted. If the relative later sells at a gain, that gain is
reduced by your disallowed loss (26 U.S.C. 267(d)). If they sell at a loss
instead, or never sell, it is gone.

A sale to your spouse, or to a former spouse as part of a divorce, follows its own
rule: no gain or loss at all, and your spouse keeps your original cost as their
basis (26 U.S.C. 1041), so the loss can count when your spouse sells to someone
else. Relatives the rule does not name, such as a nephew, an aunt, a cousin or an
in-law, are treated like any other buyer.""",
        "instead": """\
- To use the loss yourself, sell to a buyer the rule does not name, without
  arranging for a close relative to buy the same investment.
- Give the buyer a note of what you paid and the loss that was disallowed: they
  need it to reduce their gain if they sell later.
- If the buyer was your spouse, keep your purchase records: your cost carries over
  to them.""",
        "editor_note": "Written for version 2 (LAW-FINDINGS W4; LAW.md section 9; DESIGN.md "
        "sold-to-relative). Family list: 267(c)(4); controlled company: 267(b)(2) with "
        "family attribution in 267(c). Trusts and partnerships (267(b), 707(b)) are left "
        "out of the text.",
    },
    "section-1244-sale": {
        "explanation": """\
Stock that a small business corporation issued to you can qualify as Section 1244
stock. A loss on it is an ordinary loss rather than a capital loss, up to $50,000
a year, or $100,000 on a joint return (26 U.S.C. 1244(a) and (b)). An ordinary
loss is not held to the $3,000 yearly limit on capital losses, so within that
$50,000 or $100,000 it can offset wages and other income in full.

The stock must have been issued to you (or to a partnership you were in when it was
issued) for money or other property, not for services or other stock, by a US
corporation that had received no more than $1,000,000 for its stock when it issued
yours. Over the five years before the loss, more than half of its receipts must
have come from its business rather than from rents, interest, dividends, royalties
or sales of securities (26 U.S.C. 1244(c)). Shares you bought from another holder
do not qualify.

Any loss above the yearly limit is a capital loss: it offsets capital gains and
then up to $3,000 of other income a year ($1,500 if married filing separately),
with the rest carried forward (26 U.S.C. 1211(b) and 1212(b)).""",
        "instead": """\
- Check that the stock qualifies: ask the company for its records of what it
  received for its stock and where its income came from.
- Report the ordinary part on Form 4797 (Part II), and any loss above the limit on
  Form 8949 and Schedule D (Schedule D alone for 2010 and earlier).
- Keep records showing the shares were issued to you directly.""",
        "editor_note": "Written for version 2 (LAW-FINDINGS T8, S17; LAW.md section 9). "
        "Limits $50,000 / $100,000 and the $1,000,000 capital test date from the Revenue "
        "Act of 1978, before the tool's first year (1987).",
    },
    "section-1244-worthless": {
        "explanation": """\
When Section 1244 stock becomes completely worthless, it is treated as sold for
nothing on the last day of the tax year in which that happened (26 U.S.C.
165(g)). The loss is an ordinary loss rather than a capital loss, up to $50,000 a
year, or $100,000 on a joint return (26 U.S.C. 1244(a) and (b)), so it is not held
to the $3,000 yearly limit on capital losses. Any loss above that is a capital
loss.

The stock must have been issued to you (or to a partnership you were in when it was
issued) for money or other property by a US corporation that had received no more
than $1,000,000 for its stock when it issued yours, and over the five years before
the loss more than half of its receipts must have come from its business rather
than from investments (26 U.S.C. 1244(c)).

The year that counts is the year the stock became worthless, which is often clear
only later. For that reason you have 7 years from that year's filing deadline to
amend your return for it, instead of the usual 3 (26 U.S.C. 6511(d)(1)).""",
        "instead": """\
- Keep evidence of the year it became worthless, such as a bankruptcy filing or a
  liquidation that left nothing for shareholders.
- Report the ordinary part on Form 4797 (Part II), and any loss above the limit on
  Form 8949 and Schedule D (Schedule D alone for 2010 and earlier).
- If you find out after filing, amend with Form 1040-X within the 7 years.""",
        "editor_note": "Written for version 2 (LAW-FINDINGS T8, C5; LAW.md section 9). "
        "The 7-year claim period of 6511(d)(1) covers a loss from worthlessness of a "
        "security under 165(g), which 1244 stock is.",
    },
    "worthless-crypto-2-percent": {
        "explanation": """\
The rule that treats a worthless stock or bond as sold on the last day of the year
(26 U.S.C. 165(g)) covers securities only, and the IRS treats cryptocurrency as
property, not as a security (Notice 2014-21). In its view, crypto that became
worthless or was abandoned gives a loss under 26 U.S.C. 165(c)(2) instead, and
such a loss is a miscellaneous itemized deduction.

For tax years before 2018 that meant a deduction on Schedule A, if you itemized,
for the part of all your miscellaneous itemized deductions above 2% of adjusted
gross income (26 U.S.C. 67(a)). It is not a capital loss, so it does not offset
capital gains.

This is the IRS's reading, set out in Chief Counsel Advice 202302011 (2023). No
court has ruled on it, and such advice is not binding precedent. The same advice
says that crypto which can still be sold, even for a tiny price, is not
worthless.""",
        "instead": """\
- If it could still be sold for anything, selling it gave a capital loss instead,
  which offsets capital gains and then up to $3,000 of other income a year.
- Keep records of what you paid, and of when and how it became worthless or was
  abandoned.
- A refund for a past year can usually be claimed only within three years of that
  year's filing deadline (26 U.S.C. 6511(a)); the 7-year period for worthless
  securities does not apply.""",
        "editor_note": "Written for version 2 (LAW-FINDINGS W3 area; LAW.md section 9; "
        "DESIGN.md asset). IRS position only (CCA 202302011, Notice 2014-21). The rule "
        "covers every year before 2018; crypto exists only from 2009.",
    },
    "worthless-crypto-not-allowed": {
        "explanation": """\
The rule that treats a worthless stock or bond as sold on the last day of the year
(26 U.S.C. 165(g)) covers securities only, and the IRS treats cryptocurrency as
property, not as a security (Notice 2014-21). In its view, crypto that became
worthless or was abandoned gives a loss under 26 U.S.C. 165(c)(2) instead, and
such a loss is a miscellaneous itemized deduction.

No miscellaneous itemized deduction is allowed for tax years 2018 through 2025
(26 U.S.C. 67(g), Tax Cuts and Jobs Act) or from 2026 on (26 U.S.C. 67(h), Public
Law 119-21). So in the IRS's view the loss gives no federal deduction at all,
whether or not you itemize.

This is the IRS's reading, set out in Chief Counsel Advice 202302011 (2023). No
court has ruled on it, and such advice is not binding precedent. The same advice
says that crypto which still trades, even for a tiny price, is not worthless, and
that there is no loss until you sell it.""",
        "instead": """\
- If it can still be sold for anything, even a tiny amount, selling it gives a
  capital loss: it offsets capital gains and then up to $3,000 of other income a
  year ($1,500 if married filing separately), and the rest carries forward.
- Report such a sale on Form 8949 and Schedule D.
- This is the federal answer. Some states did not adopt the federal suspension of
  miscellaneous itemized deductions (California, for one: Cal. Rev. & Tax. Code
  17076), so check your state return.""",
        "editor_note": "Written for version 2 (LAW.md section 9; DESIGN.md asset). IRS "
        "position only (CCA 202302011, Notice 2014-21). Whether California allows this "
        "particular loss was not checked; the text says only that it kept the deductions.",
    },
    "crypto-no-wash-sale": {
        "explanation": """\
The wash-sale rule disallows a loss when you buy back stock or securities, or a
contract or option to buy them, within 30 days before or after the sale (26 U.S.C.
1091(a)). The IRS treats cryptocurrency as property, not as a security (Notice
2014-21), so the rule does not reach it: selling at a loss and buying back within
that 61-day window, in a taxable account or in an IRA, still gives a capital loss
now.

The loss works like any capital loss. It offsets capital gains first, then up to
$3,000 of other income a year ($1,500 if married filing separately), and the rest
carries forward (26 U.S.C. 1211(b) and 1212(b)).

This rests on the IRS's treatment of crypto as property, not on a court decision,
and it could change: Congress has considered extending the wash-sale rule to
digital assets, though no such bill had become law when this text was last
reviewed. A token that is itself a security, such as a tokenized share, is covered
by the rule.""",
        "instead": """\
- Report the sale on Form 8949 and Schedule D; for crypto sold through a broker
  from 2025 on, the broker's Form 1099-DA shows it.
- Keep records of each purchase and sale, with dates and prices: the coins you
  bought back have a basis of what you paid for them.
- Check again before relying on this for a later year: if the wash-sale rule is
  extended to digital assets, the answer for those years changes.""",
        "editor_note": "Written for version 2 (LAW-FINDINGS W3; LAW.md section 9). The "
        "rule's years come from law.WASH_SALE_COVERS_CRYPTO: if Congress extends 1091, "
        "date it there and revisit this text.",
    },
    "unsure-yes-either-way": {
        "explanation": """\
You are not sure what kind of investment you sold or lost, but here every
possibility gives a deduction. They differ in its kind and its limits, as the list
above shows.

Stocks, bonds, funds and cryptocurrency give a capital loss: it offsets capital
gains first, then up to $3,000 of other income a year ($1,500 if married filing
separately), and the rest carries forward (26 U.S.C. 1211(b) and 1212(b)). Stock a
small business issued to you that qualifies under Section 1244 gives an ordinary
loss instead, up to $50,000 a year or $100,000 on a joint return, free of the
$3,000 limit (26 U.S.C. 1244(b)).

For a year before 2018, cryptocurrency that became worthless is, in the IRS's
view, a miscellaneous itemized deduction above 2% of adjusted gross income rather
than a capital loss (Chief Counsel Advice 202302011).""",
        "instead": """\
- Find out what you held: your broker's statement or Form 1099-B says what you sold.
- If the shares were issued to you by a small company, ask it whether they qualify
  under Section 1244.
- Then answer again for a definite answer and the forms to use.""",
        "editor_note": "Combining rule, new in version 2: shown when the saver is unsure of "
        "the asset and every reading is deductible (in practice securities, crypto and "
        "Section 1244 stock sold at a loss, or made worthless before 2018).",
    },
}

# --- 2. Corrected texts for rules seeded by 0002 (and 0004)

UPDATES: dict[str, dict[str, str]] = {
    "sheltered-no-realisation": {
        "explanation": """\
A 401(k), 403(b), governmental 457(b), any kind of IRA (traditional, SEP, SIMPLE or
Roth) and an HSA all hold your investments in a tax-exempt account. What happens
inside is not a tax event: buying, selling and price moves are never reported on
your return while the money stays in. The tax code says so for each kind: 26
U.S.C. 408(e)(1) for IRAs, 501(a) for the trust behind a 401(k), 457(g) for a
governmental 457(b) and 223(e)(1) for an HSA; a 403(b) is taxed only on what it
pays out (403(b)(1)).

So a falling balance gives no deduction, and neither does selling a fund at a loss
and buying another inside the same account. The Tax Court turned down exactly this
kind of claim for trades inside an IRA in *Fish v. Commissioner*, T.C. Memo.
2015-176.

The only loss the tax rules ever counted came at the end, not along the way: for
tax years before 2018, emptying every account of the kind for less than the
after-tax or Roth money you had put in and not yet taken out could give a small
itemized deduction (IRS Notice 89-25, Q&A-7). From 2018 on even that is not allowed. A fall while the money stays
in has never been deductible.

The shelter also works for you on the way up: gains inside the account are not
taxed as they happen either. Tax is settled only when money leaves the account,
under the rules for that kind of account.""",
        "editor_note": "Checked against LAW.md section 1 and LAW-FINDINGS T5 and T18 "
        "(authority for each account type; Notice 89-25 for the emptied-account rule). "
        "Covers every sheltered account type and the value-dropped and reallocated "
        "events, all years.",
    },
    "rollover-carries-over": {
        "explanation": """\
Moving money to another account of the same tax kind, by a direct transfer between
trustees or by a rollover you finish within 60 days, does not count as cashing it
in. The money keeps its tax treatment on the way across, so a balance that fell
before the move simply arrives smaller. Nothing has been realized, so there is no
loss to claim. IRS Tax Topic 413 describes the 60-day limit and how rollovers are
reported.

Moving pre-tax money into a Roth account is not this kind of move but a
conversion: the pre-tax amount is taxable income for that year (26 U.S.C.
408A(d)(3)). Conversions from a traditional IRA exist from 1998, and direct
conversions from a workplace plan from 2008. A conversion made in 1998 through
2017 could be undone (recharacterized) by the filing deadline, which helped after
a fall in value; one made from 2018 on cannot be.

After-tax and Roth basis moves with the money only where the receiving account can
take it. After-tax plan money keeps its basis in a traditional IRA, and Roth plan
money in a Roth IRA or, by direct rollover, in another plan's Roth account. A
60-day rollover into a workplace plan can carry only taxable money, only the
pre-tax part of an IRA can go into a plan, and a Roth IRA cannot go into a plan at
all (26 U.S.C. 402(c)(2), 408(d)(3)(A)). Before 2002 the rules were narrower
still: after-tax plan money could not be rolled over, and money could not move
between most different kinds of plan, or from a 457(b) to an IRA, so some moves
were taxable payouts.

When a whole designated Roth account is paid out and rolled into a Roth IRA, Roth
basis above what arrives is generally treated as Roth IRA contribution basis. The
regulation, Treas. Reg. 1.408A-10, Q&A-3(b), speaks of a 60-day rollover after a
total distribution; a direct rollover of the whole account is not addressed in so
many words.""",
        "instead": """\
- Keep the statements from both accounts showing what moved, including any
  after-tax or Roth amount. If after-tax money went into a traditional IRA, keep
  filing Form 8606 so that basis stays on record.
- If you were paid by check, the money had to be deposited within 60 days. Since
  2002 the IRS can waive a missed deadline, and since August 2016 you can
  self-certify some reasons for being late (Rev. Proc. 2016-47, updated by Rev.
  Proc. 2020-46).
- A plan that pays you rather than the new account must withhold 20% (26 U.S.C.
  3405(c), since 1993). To roll over the full amount you make up that 20% from
  other money; otherwise that part is a taxable payout.
- Only one 60-day rollover from an IRA to an IRA is allowed in any 12 months,
  counting all your IRAs together from 2015 on (26 U.S.C. 408(d)(3)(B)); direct
  transfers between trustees do not count. An HSA also allows one 60-day rollover
  a year.
- If pre-tax money went into a Roth account, report it as a conversion: it is
  income for that year.""",
        "editor_note": "Checked against LAW.md sections 1 and 9 and LAW-FINDINGS T2, T3, "
        "T15 and C8 (portability from 2002, EGTRRA; direct rollovers and 20% withholding "
        "from 1993; conversions 408A(d)(3), recharacterization 1998-2017; one IRA "
        "rollover a year aggregated from 2015; 60-day waiver). All years.",
    },
    "partial-withdrawal-no-loss": {
        "explanation": """\
Taking out part of the money never produces a deductible loss, however far the
balance has fallen. A loss could only ever be measured once the account was
finished: for a workplace plan, your whole balance in that plan paid out; for
IRAs, every IRA of the kind emptied. "The kind" means all your traditional, SEP
and SIMPLE IRAs counted together (26 U.S.C. 408(d)(2)), or all your Roth IRAs as
their own group, and each spouse is counted separately (IRS Notice 89-25, Q&A-7).

The withdrawal is taxed under the usual rules. Pre-tax money is ordinary income.
If you have after-tax or Roth basis, part of the payout can come back tax-free,
and any basis you have not used stays with the account for later.

Before age 59½, the taxable part of a withdrawal from a 401(k), 403(b) or IRA can
also carry a 10% additional tax (26 U.S.C. 72(t)). Your regular after-tax or Roth
contributions come back without it, but money converted to a Roth account within
the last five years can carry it even though it is not taxed again (26 U.S.C.
408A(d)(3)(F); 402A(c)(4)(D) for a conversion inside a plan).""",
        "instead": """\
- Check how much of the withdrawal is taxable: the payer's Form 1099-R shows it,
  and Form 8606 tracks after-tax basis and conversions in your IRAs.
- If you are under 59½, look at the exceptions to the 10% additional tax. There
  are many, they changed over the years, and some apply only to IRAs (such as
  higher education costs or a first home) or only to workplace plans (such as
  leaving your job in or after the year you turn 55). [IRS Tax Topic 558](https://www.irs.gov/taxtopics/tc558) lists
  them.
- Some public-safety employees in governmental plans can use age 50 instead of 55;
  that rule began in 2006 and was widened in 2016 and 2023.
- A governmental 457(b) has no 10% additional tax, except on money rolled in from
  another plan or an IRA (26 U.S.C. 72(t)(9), since 2002).
- Keep a record of the basis still in the account: it remains yours.""",
        "editor_note": "Checked against LAW.md sections 3, 6 and 9 and LAW-FINDINGS T4, "
        "T12, T13, T16 and C9 (a partial withdrawal never counts; 408(d)(2) grouping; "
        "5-year conversion rule; 457(b) rollovers from plans or IRAs since 2002; age 50: "
        "governmental DB plans from Aug 2006, DC plans from 2016, private firefighters "
        "from 2023). Plans and IRAs only: HSAs have their own rule.",
    },
    "pre-tax-no-basis": {
        "instead": """\
- Report the payout as income; the payer's Form 1099-R shows the amount.
- Before age 59½ the taxable payout may also carry the 10% additional tax
  (26 U.S.C. 72(t)) unless one of its many exceptions applies ([IRS Tax Topic 558](https://www.irs.gov/taxtopics/tc558));
  from a SIMPLE IRA in the first two years of participation it is 25%. A
  governmental 457(b) has no 10% additional tax, except on money rolled in from
  another plan or an IRA (since 2002).
- If the money has not been paid out yet, a rollover to another plan or IRA
  instead of cash keeps it sheltered and defers the tax.
- If part of the money was after-tax or Roth, answer again with that kind. The test
  then compares everything you received, this pre-tax money included, with that
  after-tax or Roth money.""",
        "editor_note": "Checked against LAW.md sections 2, 6 and 9 and LAW-FINDINGS T12, "
        "C9 and W2 (no basis in pre-tax money; 10% and SIMPLE 25%; 457(b) rollovers from "
        "plans or IRAs, 72(t)(9), since 2002; the whole-account test). All years.",
    },
    "ira-basis-loss-2-percent": {
        "explanation": """\
For tax years before 2018 there was one narrow way to deduct a loss in an IRA.
Every IRA of the same kind had to be paid out completely, and everything you got
back from them, pre-tax money and earnings included, had to come to less than your
unrecovered basis. The IRS set out this test in Notice 89-25, Q&A-7, and in
Publication 590 (590-B from the 2014 edition).

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
67(a)). For example, with $12,000 of basis, $10,000 received and an AGI of
$50,000, the loss is $2,000 and the floor is $1,000, so $1,000 was deductible if
nothing else fell in that category. At higher incomes the overall limit on
itemized deductions (26 U.S.C. 68; 1991 through 2009 and 2013 through 2017) could
reduce it further.""",
        "instead": """\
- Work out the loss as unrecovered basis minus everything received from all IRAs
  of the kind, pre-tax money included; for a traditional IRA, Form 8606 holds the
  basis.
- Check that every IRA of the kind was empty; a partial withdrawal never counts.
- The deduction is added back for the alternative minimum tax
  (26 U.S.C. 56(b)(1)(A)(i)), so check whether AMT applied that year.
- A refund can usually be claimed only within three years of that year's filing
  deadline (26 U.S.C. 6511(a)); this page shows the date for your year. Your basis
  records matter either way.""",
        "editor_note": "Checked against LAW.md sections 3, 8 and 9 and LAW-FINDINGS W2, C1, "
        "C2, C3 and T18 (whole-account test, Notice 89-25 Q&A-7; basis incl. conversions "
        "and rollovers; 408(d)(2); 2% floor; Pease 1991-2009 and 2013-2017; AMT add-back; "
        "refund window).",
    },
    "plan-basis-loss-2-percent": {
        "explanation": """\
For tax years before 2018, a workplace plan such as a 401(k) or 403(b), or from
2011 a governmental 457(b) with Roth money, could give a deduction in one
situation: your whole balance in that plan was paid out in cash, and the total,
pre-tax money and earnings included, came to less than your after-tax or Roth
contributions that had not already come back to you. Plans with other employers
do not count toward it. For Roth money, what counts is the designated Roth
account, which the tax rules treat on its own (26 U.S.C. 402A(d)(4)).

The shortfall was then handled like the IRA loss: a miscellaneous itemized
deduction on Schedule A, allowed only if you itemized and only for the part of all
such deductions above 2% of adjusted gross income (26 U.S.C. 67(a)). At higher
incomes the overall limit on itemized deductions (26 U.S.C. 68; 1991 through 2009
and 2013 through 2017) could reduce it further.

**This answer is less certain than the one for IRAs.** Its main support is an IRS
ruling, Revenue Ruling 72-305 (1972-1 C.B. 116), about a lump-sum cash payout below
the employee's own contributions. No court has tested how far it reaches for plans
today, so if a real amount depends on it, check with a tax professional before
relying on it.""",
        "instead": """\
- Confirm that your whole balance in the plan was paid out in cash, not rolled
  over. If shares or other property were paid out instead, no loss arises when you
  receive them: your basis generally moves to them, and a loss counts when you sell.
- Take your after-tax or Roth contribution total from the plan's records, minus
  anything already paid back to you tax-free (box 5 of Form 1099-R shows the part
  paid back in this payout).
- The deduction is added back for the alternative minimum tax
  (26 U.S.C. 56(b)(1)(A)(i)).
- A refund can usually be claimed only within three years of that year's filing
  deadline (26 U.S.C. 6511(a)); this page shows the date for your year.
- Because the authority is thinner than for IRAs, get professional advice before
  claiming it.""",
        "editor_note": "LAW.md section 3 marks plan-side support (Rev. Rul. 72-305) as "
        "partly verified: keep the 'less certain' paragraph until it is confirmed. Checked "
        "against LAW-FINDINGS W1, W2, T16, C1, C2 and C10 (Roth only in a 457(b), from "
        "2011; whole balance in that plan; in-kind payouts; 402A(d)(4)).",
    },
    "basis-loss-suspended-tcja": {
        "explanation": """\
An account emptied in a lump sum for less than its after-tax or Roth basis could
only ever give one kind of deduction: a miscellaneous itemized deduction above the
2% floor. Before 2018 that was allowed, within limits.

The Tax Cuts and Jobs Act (Public Law 115-97, signed December 22, 2017) added 26
U.S.C. 67(g), which allows no miscellaneous itemized deductions at all for tax
years 2018 through 2025. For those years the loss cannot be deducted on your
federal return, whether or not you itemize. IRS Publication 529 reflects the
change. Some states did not follow: California, for one, kept these deductions on
its own return (Cal. Rev. & Tax. Code 17076).

Two things still work for you. The after-tax or Roth money that comes back is a
tax-free return of what you put in, not income. And if a pension or annuity with
after-tax money in it pays out for life and the payments stop at death before all
of that money has come back, the rest is deductible on the final return (26 U.S.C.
72(b)(3)). That is not a miscellaneous itemized deduction (67(b)(10)), so it is
still allowed.""",
        "instead": """\
- Check that the tax-free part of the payout (your basis) was reported as such and
  not as income; Form 1099-R and, for IRAs, Form 8606 show it.
- Before age 59½, only the taxable part of a payout carries the 10% additional tax,
  with one exception: money converted to a Roth account within the last five years
  can carry it even though it is not taxed again (26 U.S.C. 408A(d)(3)(F)).
- If your state still allows miscellaneous itemized deductions, check your state
  return.""",
        "editor_note": "Checked against LAW.md sections 4 and 9 and LAW-FINDINGS T4, T7 "
        "and C4 (TCJA, 67(g), 2018-2025; 72(b)(3) and 67(b)(10); 5-year conversion rule; "
        "California non-conformity).",
    },
    "basis-loss-terminated": {
        "explanation": """\
A lump-sum payout below your after-tax or Roth basis could only ever be a
miscellaneous itemized deduction, and those were suspended from 2018 through 2025.
Public Law 119-21 (signed July 4, 2025), in section 70110, removed the end date.
The rule now sits at 26 U.S.C. 67(h): no miscellaneous itemized deduction for any
tax year beginning after December 31, 2017.

The only carve-out it keeps is for educator expenses, which has nothing to do with
investment losses. So for 2026 and later, as for 2018 to 2025, the loss cannot be
deducted on your federal return. Some states did not follow: California, for one,
kept these deductions on its own return (Cal. Rev. & Tax. Code 17076).

Your basis is still not taxed twice: the after-tax or Roth part of the payout comes
back to you tax-free. And a pension or annuity with after-tax money in it that pays
out for life still gives a deduction on the final return if the payments stop at
death before that money has all come back (26 U.S.C. 72(b)(3)). It is not a
miscellaneous itemized deduction (67(b)(10)), so this law leaves it alone.""",
        "instead": """\
- Check that the tax-free part of the payout (your basis) was reported as such and
  not as income; Form 1099-R and, for IRAs, Form 8606 show it.
- Before age 59½, only the taxable part of a payout carries the 10% additional tax,
  with one exception: money converted to a Roth account within the last five years
  can carry it even though it is not taxed again (26 U.S.C. 408A(d)(3)(F)).
- If your state still allows miscellaneous itemized deductions, check your state
  return.""",
        "editor_note": "Checked against LAW.md sections 4 and 9 and LAW-FINDINGS T4, T7, "
        "T17 and C4 (P.L. 119-21 sec. 70110, 67(h), educator-expense carve-out; 72(b)(3); "
        "California), tax years 2026 on.",
    },
    "taxable-unrealised": {
        "explanation": """\
In a taxable brokerage account a loss counts for tax only once it is realized:
when you sell or exchange the investment, or when it becomes completely
worthless. A lower price on your statement, however steep the drop, does not
change your tax by itself.

Once you sell, the loss is a capital loss. It cancels capital gains first, then
reduces other income by up to $3,000 a year ($1,500 if married filing
separately), and anything left carries forward to later years for the rest of your
life (26 U.S.C. 1211(b) and 1212(b); IRS Tax Topic 409). A sale to a close
relative or to a company you control gives no loss (26 U.S.C. 267).""",
        "instead": """\
- If you sell stock, bonds or funds to take the loss, do not buy the same or a
  substantially identical investment within 30 days before or after the sale, in
  any of your accounts or your spouse's, including an IRA; otherwise the wash-sale
  rule delays or removes the loss. Dividends reinvested automatically count as
  buying.
- The wash-sale rule does not reach cryptocurrency that is not a security, which
  the IRS treats as property (Notice 2014-21).
- A sale counts for the tax year of its trade date.
- Keep your purchase records: the loss is measured from what you paid.""",
        "editor_note": "Checked against LAW.md sections 5 and 9 and LAW-FINDINGS W3, W4, "
        "C6 and C7 (realization; 1211(b) limits; 1091 window before and after; crypto; "
        "267).",
    },
    "capital-loss-sale": {
        "explanation": """\
Selling an investment in a taxable account for less than you paid for it realizes
a capital loss. That holds for stocks, bonds and funds, and for cryptocurrency,
which the IRS treats as property (Notice 2014-21). The loss is set against your
capital gains for the year first, with no limit on how much gain it can cancel.

If your losses are bigger than your gains, the net loss can reduce your other
income, such as wages, by up to $3,000 a year, or $1,500 if you are married and
file separately (26 U.S.C. 1211(b)). What is left carries forward to later years
and keeps its short-term or long-term character (26 U.S.C. 1212(b)). It has no
time limit, but it ends with you: a carryover still unused at death cannot pass to
your estate or heirs (Rev. Rul. 74-175).

For example, a single filer with a $10,000 net loss and no gains deducts $3,000
this year and carries $7,000 forward. The buyer must not be a close relative or a
company you control: a sale to them gives no loss (26 U.S.C. 267).""",
        "instead": """\
- Report each sale on Form 8949 and the totals on Schedule D (for 2010 and
  earlier, Schedule D alone). Your broker's Form 1099-B lists the sales; for crypto
  sold through a broker from 2025 on, Form 1099-DA does.
- Keep the capital loss carryover worksheet, so you can use the rest next year.
- To stay invested in stock or funds without losing the deduction, buy something
  that is not substantially identical, or wait more than 30 days before buying
  back.""",
        "editor_note": "Checked against LAW.md sections 5, 8 and 9 and LAW-FINDINGS W3, W4, "
        "C6 and T14 (10,000 loss: 3,000 now, 7,000 carried; carryover ends at death; "
        "Form 8949 from 2011; crypto is property).",
    },
    "worthless-security": {
        "explanation": """\
When a stock or bond you hold in a taxable account becomes completely worthless,
the tax rules treat it as sold for nothing on the last day of that tax year (26
U.S.C. 165(g)). From there it is a capital loss like any other, and that date can
turn a short holding into a long-term one. Giving up a security for nothing
(abandoning it) counts the same way (Treas. Reg. 1.165-5(i), since 2008).

It cancels capital gains first and then up to $3,000 of other income a year
($1,500 if married filing separately), with the rest carried forward. The year
that counts is the year it became worthless, which is not always the year you
found out.

Stock a small business issued to you may qualify under Section 1244, which gives
an ordinary loss instead, up to $50,000 a year or $100,000 on a joint return (26
U.S.C. 1244(b)). If yours might, answer again with that kind of investment.""",
        "instead": """\
- Claim the loss for the year the security became worthless, and keep evidence
  such as a bankruptcy or liquidation notice.
- If you find out later, you have 7 years from that year's filing deadline to
  amend, instead of the usual 3 (26 U.S.C. 6511(d)(1)).
- A security that has only fallen in value, even sharply, is not worthless:
  selling it is what realizes the loss.
- Report it on Form 8949 and Schedule D (Schedule D alone for 2010 and earlier),
  dated the last day of the tax year.""",
        "editor_note": "Checked against LAW.md sections 5 and 9 and LAW-FINDINGS T8, T14 "
        "and C5 (165(g); 1211(b); 7-year claim, 6511(d)(1); abandonment; Section 1244).",
    },
    "wash-sale-deferred": {
        "explanation": """\
A wash sale happens when you sell stock or securities at a loss and you, or your
spouse, buy the same or a substantially identical investment within 30 days before
or after the sale: a window of 61 days around it. Buying an option or contract to
acquire it counts too, and so do dividends reinvested automatically. The loss is
then disallowed for now (26 U.S.C. 1091(a)).

It is not gone. The disallowed amount is added to the cost basis of the
replacement shares, so it lowers your gain, or increases your loss, when you later
sell them without another wash sale (1091(d)). The replacement's holding period
also includes the time you held the old shares (26 U.S.C. 1223(3)). If you bought
back fewer shares than you sold, only the matching part of the loss is deferred
(Treas. Reg. 1.1091-1(c)). IRS Publication 550 covers the details.

The rule covers stock and securities only. Cryptocurrency that is not a security
is property in the IRS's view (Notice 2014-21), so buying it back does not defer
the loss: choose that kind of investment to see how it is treated.""",
        "instead": """\
- Keep the adjusted basis of the replacement shares; your broker's Form 1099-B
  usually shows the disallowed amount.
- Next time, wait more than 30 days before buying back, or switch to an
  investment that is not substantially identical.
- Remember that purchases by your spouse, and dividends reinvested automatically,
  count too.""",
        "editor_note": "Checked against LAW.md sections 5 and 9 and LAW-FINDINGS W3 and C7 "
        "(1091(a), (d); 61-day window; spouse per Pub 550; partial wash sale; holding "
        "period; options; crypto outside 1091).",
    },
    "wash-sale-into-ira": {
        "explanation": """\
Selling at a loss in a taxable account and buying the same or a substantially
identical investment inside your IRA or Roth IRA within 30 days before or after the
sale is still a wash sale in the IRS's view, so the loss is disallowed. That view
comes from Revenue Ruling 2008-5; no court has ruled on it.

The difference from an ordinary wash sale is what happens next. Under the ruling
the disallowed loss is not added to anything, because the IRA's basis is not
increased. The loss is therefore lost for good: it will never reduce your tax.

The ruling speaks only of your own IRA or Roth IRA. A purchase in your spouse's
IRA, or in a 401(k), 403(b) or HSA, is not covered by it, and there is no ruling
or court decision on those either way. This answer treats a spouse's IRA like your
own, the cautious reading.""",
        "instead": """\
- Next time, wait more than 30 days before buying the investment in an IRA, or
  buy something that is not substantially identical.
- If you do want to buy back inside the window, doing it in the taxable account
  at least keeps the loss: it moves into the basis of the new shares.
- If the replacement was bought in a 401(k), 403(b), HSA or your spouse's IRA, the
  answer is uncertain: ask a tax professional before you file.""",
        "editor_note": "Checked against LAW.md section 5 and LAW-FINDINGS T9 (Rev. Rul. "
        "2008-5 covers the taxpayer's own IRA and Roth IRA only; IRS position).",
    },
    "unsure-depends": {
        "explanation": """\
You told us you are not sure of some of your answers: the kind of money in the
account, how what you got back compares with your after-tax or Roth money, or what
kind of investment you sold. Here the possibilities lead to different answers, so
the list above gives the answer for each.

In a retirement account, pre-tax money has no basis, so it never gives a loss.
After-tax and Roth money does have basis, and for tax years before 2018 an account
emptied for less than that basis could give a miscellaneous itemized deduction.
The test looks at the whole: everything received, pre-tax money and earnings
included, against your unrecovered after-tax or Roth basis (IRS Notice 89-25,
Q&A-7). For IRAs that is all your IRAs of the kind together; in a workplace plan,
a designated Roth account counts on its own. The kinds of money are never tested
separately.

In a taxable account, what you sold matters: the wash-sale rule covers stock and
securities but not cryptocurrency that is not a security, and stock that
qualifies under Section 1244 gives an ordinary loss rather than a capital loss.""",
        "instead": """\
- Find out which kind of money you have: the plan's statements or your pay stubs
  show pre-tax, after-tax and Roth amounts separately, and for a traditional IRA,
  Form 8606 filed with your tax returns records nondeductible (after-tax)
  contributions.
- Add up everything you were paid (Form 1099-R, box 1) and compare it with your
  after-tax or Roth money not yet taken out.
- For a sale, your broker's statement or Form 1099-B says what you sold.
- Then answer again for a definite answer.""",
        "editor_note": "Combining rule: shown when the readings of an unsure answer (kind "
        "of money, what was received, or asset) differ in whether there is a deduction. "
        "Rewritten for version 2 and LAW-FINDINGS W2 (whole-account test).",
    },
    "unsure-no-either-way": {
        "explanation": """\
You are not sure of some of your answers (the kind of money, what you got back,
or what you sold), but here it does not change the result: none of the possibilities
gives a federal deduction. The reasons differ, as the list above shows.

Pre-tax money has no basis, so getting less back is not a tax loss at all. If
everything you received covered your after-tax or Roth basis, there is no loss
either. And where it fell short, the only deduction a lump-sum payout below basis
ever fed into, a miscellaneous itemized deduction, is not allowed for tax years
from 2018 on (26 U.S.C. 67(g) for 2018 through 2025, 67(h) from 2026).

One deduction outside that rule is still allowed: when a pension or annuity with
after-tax money in it pays out for life and the payments stop at death before that
money has all come back, the rest is deductible on the final return (26 U.S.C.
72(b)(3)).""",
        "instead": """\
- Knowing which applies still matters later: after-tax and Roth basis comes back
  to you tax-free, while pre-tax money is income when paid out.
- Your plan statements, pay stubs or, for a traditional IRA, Form 8606 show which
  kind you have; Form 1099-R shows what was paid out.
- Make sure any tax-free part of a payout was not reported as income.""",
        "editor_note": "Combining rule: shown when no reading of an unsure answer gives a "
        "deduction. In practice an account emptied at a loss from 2018 on, or one whose "
        "payout covered the basis. Rewritten for version 2 and LAW-FINDINGS T7 "
        "(72(b)(3), 67(b)(10)).",
    },
}

# The findings each update addresses, for the history (at most 100 characters).
REASONS: dict[str, str] = {
    "sheltered-no-realisation": "Legal review T5, T18: emptied-account rule, authority per account",
    "rollover-carries-over": "Legal review T2, T3, T15, C8: portability, conversions, rollover limits",
    "partial-withdrawal-no-loss": "Legal review T4, T12, T13, T16, C9: 10% tax, plans vs IRAs",
    "pre-tax-no-basis": "Legal review T12, C9, W2: 457(b) rollovers from IRAs, exceptions, mixed money",
    "ira-basis-loss-2-percent": "Legal review W2, C1, C2, C3, T18: whole-account test, basis, limits",
    "plan-basis-loss-2-percent": "Legal review W2, T16, C1, C2, C10: whole plan, in-kind payouts",
    "basis-loss-suspended-tcja": "Legal review T4, T7, C4: 5-year rule, 72(b)(3), states",
    "basis-loss-terminated": "Legal review T4, T7, C4: 5-year rule, 72(b)(3), states",
    "taxable-unrealised": "Legal review W3, W4, C6, C7: crypto, related parties, carryover",
    "capital-loss-sale": "Legal review W4, C6, T14: crypto, related parties, Form 8949 years",
    "worthless-security": "Legal review T8, T14, C5: Section 1244, 7-year claim, abandonment",
    "wash-sale-deferred": "Legal review W3, C7: window, partial wash sale, holding period, crypto",
    "wash-sale-into-ira": "Legal review T9: IRS position; plans, HSAs and spouse's IRA uncertain",
    "unsure-depends": "Legal review W2 and version 2: whole-account test, any unsure answer",
    "unsure-no-either-way": "Legal review T7 and version 2: any unsure answer, 72(b)(3)",
}


def _seed():
    return importlib.import_module("rules.migrations.0002_seed_explanations")


def _clean(wrapped: dict[str, str]) -> dict[str, str]:
    """Stored one line per paragraph or list item, as 0002 stores its texts."""
    unwrap = _seed().unwrap
    return {
        field: unwrap(value) if field != "editor_note" else value
        for field, value in wrapped.items()
    }


def seeded_versions(rule_id: str, field: str) -> list[str]:
    """Every wording 0002 and 0004 gave this field, oldest first."""
    seed = _seed()
    if rule_id not in seed.TEXTS:
        return []
    value = seed.TEXTS[rule_id][field]
    versions = [value if field == "editor_note" else seed.unwrap(value)]
    patch = importlib.import_module("rules.migrations.0004_pre_tax_text_457b_exception")
    if rule_id == patch.RULE and field == "instead" and patch.OLD_LINE in versions[0]:
        versions.append(versions[0].replace(patch.OLD_LINE, patch.NEW_LINE))
    return versions


def new_texts() -> dict[str, dict[str, str]]:
    return {rule_id: _clean(text) for rule_id, text in NEW_TEXTS.items()}


def updated_texts() -> dict[str, dict[str, str]]:
    return {rule_id: _clean(text) for rule_id, text in UPDATES.items()}


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


def _replace(row, wanted: dict[str, str], replaceable) -> bool:
    """Set each field whose current text is replaceable; the note only along with a text."""
    texts = [
        f
        for f in ("explanation", "instead")
        if f in wanted and getattr(row, f) != wanted[f] and replaceable(f, getattr(row, f))
    ]
    if not texts:
        return False
    fields = texts + (
        ["editor_note"]
        if "editor_note" in wanted and replaceable("editor_note", row.editor_note)
        else []
    )
    for f in fields:
        setattr(row, f, wanted[f])
    return True


def record_fingerprints(apps, schema_editor):
    from rules.review import fingerprint

    Explanation = apps.get_model("rules", "Explanation")
    for row in Explanation.objects.filter(last_reviewed=REVIEWED):
        row.reviewed_fingerprint = fingerprint(row.rule_id)
        row.save(update_fields=["reviewed_fingerprint"])


def forward(apps, schema_editor):
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
            },
        )
        if created:
            # A first history entry, so the seeded text can be restored after an edit.
            _record(HistoricalExplanation, row, "+", ADD_REASON)

    for rule_id, wanted in updated_texts().items():
        row = Explanation.objects.filter(rule_id=rule_id).first()
        if row is None:
            continue
        if not _replace(row, wanted, lambda f, v, r=rule_id: v in seeded_versions(r, f)):
            continue  # already corrected, or an editor's own wording: leave it
        row.explanation_html = render(row.explanation)
        row.instead_html = render(row.instead)
        row.last_reviewed = REVIEWED
        row.save()
        _record(HistoricalExplanation, row, "~", f"{REASONS[rule_id]} (0006)")


def backward(apps, schema_editor):
    from rules.markup import render

    Explanation = apps.get_model("rules", "Explanation")
    HistoricalExplanation = apps.get_model("rules", "HistoricalExplanation")
    Explanation.objects.filter(rule_id__in=NEW_TEXTS).delete()
    HistoricalExplanation.objects.filter(history_change_reason=ADD_REASON).delete()

    for rule_id, ours in updated_texts().items():
        row = Explanation.objects.filter(rule_id=rule_id).first()
        if row is None:
            continue
        seeded = {f: seeded_versions(rule_id, f)[-1] for f in FIELDS}
        if not _replace(row, seeded, lambda f, v, o=ours: f in o and v == o[f]):
            continue
        row.explanation_html = render(row.explanation)
        row.instead_html = render(row.instead)
        row.save()
        _record(HistoricalExplanation, row, "~", REVERT_REASON)


class Migration(migrations.Migration):
    dependencies = [("rules", "0005_feedback_and_review_fingerprint")]
    operations = [
        migrations.RunPython(forward, backward),
        # The texts added or reviewed here were reviewed against today's rules.
        migrations.RunPython(record_fingerprints, migrations.RunPython.noop),
    ]
