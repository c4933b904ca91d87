"""The themes claims are grouped by, in reading order (substantive first, calendar checks folded
last): one place for the notebooks (which show unchecked claims by theme) and the report."""

from __future__ import annotations

from analysis.messages import N_

THEMES: dict[str, str] = {
    "calls": N_("The phone calls"), "ndaa": N_("The defence bill and the money for Ukraine"),
    "polls": N_("Republican voters and arming Ukraine"), "diplomacy": N_("The negotiations and who leads them"),
    "relationship": N_("Trump and Putin since the 1980s"), "calendar": N_("Weekdays and years in headings"),
}
