"""When the answers last changed: the date the start page shows as "Last updated".

The rules, the law's dated parameters, the questions' choices and the shipped
texts (rules/content/) all live in the code, so the date of their last
change is recorded here, beside a fingerprint of them all. When any of them
changes and this date does not, tests/rules/test_updated.py fails and names
the new fingerprint: set UPDATED to the day of the change and FINGERPRINT to
that value. No Django imports.
"""

from __future__ import annotations

from datetime import date

UPDATED = date(2026, 12, 5)
FINGERPRINT = "ff3f54fffc0b0ae1"
