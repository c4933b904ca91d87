"""Integrity checks a notebook runs on its data, SRF Data style: each returns the rows that break
a rule, so the notebook shows a table that should be empty and then asserts it is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from analysis.io.package import DataPackage


@dataclass(frozen=True)
class Integrity:
    name: str
    rule: str
    find: Callable[[DataPackage], pd.DataFrame]


def status_without_origins(table: str) -> Callable[[DataPackage], pd.DataFrame]:
    """Rows whose status claims more independent support than their citations give:
    ``confirmed`` needs two supporting origins, ``one_source`` one."""

    def find(data: DataPackage) -> pd.DataFrame:
        rows = data.table(table)
        id_column = data.id_column(table)
        cited = data.citations
        support = cited[(cited["table"] == table) & (cited["role"] == "supports")]
        origins = support.groupby("row_id")["origin"].nunique()
        rows = rows.assign(origins=rows[id_column].map(origins).fillna(0).astype(int))
        need = rows["status"].map({"confirmed": 2, "one_source": 1}).fillna(0)
        return rows.loc[rows["origins"] < need, [id_column, "status", "origins"]]

    return find


def denied_without_a_contradiction(table: str) -> Callable[[DataPackage], pd.DataFrame]:
    """Rows marked ``disputed`` (one side denies) or ``refuted`` (shown to be something else)
    that cite no source contradicting the whole row: the denial must be on record."""

    def find(data: DataPackage) -> pd.DataFrame:
        rows = data.table(table)
        id_column = data.id_column(table)
        cited = data.citations
        whole_row = cited["aspect"].isna() | (cited["aspect"] == "") if "aspect" in cited else True
        denying = set(cited.loc[(cited["table"] == table) & (cited["role"] == "contradicts") & whole_row, "row_id"])
        flagged = rows[rows["status"].isin(["disputed", "refuted"]) & ~rows[id_column].isin(denying)]
        return flagged[[id_column, "status"]]

    return find


def same_day_contacts(data: DataPackage) -> pd.DataFrame:
    """Two counted contacts of one type on one day (one contact entered twice)."""
    contacts = data.table("contacts")
    dated = contacts[contacts["status"].isin(["confirmed", "one_source"]) & contacts["date"].notna()]
    return dated.loc[dated.duplicated(["date", "type"], keep=False), ["contact_id", "date", "type"]]


def house_party_splits(data: DataPackage) -> pd.DataFrame:
    """The House vote's party splits against its tally (yea and nay)."""
    votes = data.table("legislation").set_index("item_id")
    parts = votes.loc[["ndaa26-house-passage-republicans", "ndaa26-house-passage-democrats"], ["yea", "nay"]].sum()
    table = pd.DataFrame({"tally": votes.loc["ndaa26-house-passage", ["yea", "nay"]], "by_party": parts})
    return table[table["tally"] != table["by_party"]].reset_index(names="column")


def supplementals_total(data: DataPackage) -> pd.DataFrame:
    """The five Ukraine supplementals against the total CRS publishes (1 % for rounding in the sources)."""
    table = data.table("supplementals")
    acts = table[table["row_kind"] == "act"]["total_usd"].sum()
    total = table[table["row_kind"] == "total"]["total_usd"].iloc[0]
    frame = pd.DataFrame([{"sum_of_acts": int(acts), "published_total": int(total), "difference": int(acts - total)}])
    return frame[abs(frame["difference"]) > 0.01 * frame["published_total"]]


def poll_duplicates(data: DataPackage) -> pd.DataFrame:
    """Two rows for one series, wave and group."""
    polls = data.table("polls")
    return polls.loc[polls.duplicated(["series_id", "wave", "group"], keep=False), ["poll_id", "series_id", "wave", "group"]]


def subjects_missing(data: DataPackage) -> pd.DataFrame:
    """Register rows naming a subject that no data table holds."""
    claims = data.table("claims")
    known: set[str] = set()
    for table in data.citing_tables:
        if table in ("framing", "articles"):
            continue
        known |= set(data.table(table)[data.id_column(table)])
    rows = []
    for claim_id, subject in zip(claims["claim_id"], claims["subject"], strict=True):  # not iterrows: a Series a row
        if not subject or ":" in subject:  # polls name a series and a group
            continue
        for part in (p.strip() for p in subject.split(";") if p.strip()):
            if part not in known:
                rows.append({"claim_id": claim_id, "subject": part})
    return pd.DataFrame(rows, columns=["claim_id", "subject"])


CHECKS: dict[str, Integrity] = {c.name: c for c in (
    Integrity("contacts_status", "A confirmed contact has two independent supporting origins; a single-source one has one.",
              status_without_origins("contacts")),
    Integrity("events_status", "A confirmed event has two independent supporting origins; a single-source one has one.",
              status_without_origins("events")),
    Integrity("legislation_status", "A confirmed legislative row has two independent origins; a single-source one has one.",
              status_without_origins("legislation")),
    Integrity("polls_status", "A confirmed poll row has two independent origins; a single-source one has one.",
              status_without_origins("polls")),
    Integrity("statements_status", "A confirmed statement row has two independent origins; a single-source one has one.",
              status_without_origins("statements")),
    Integrity("contacts_denials", "A disputed or refuted contact cites the source that denies it.",
              denied_without_a_contradiction("contacts")),
    Integrity("same_day_contacts", "No two counted contacts of one type on the same day.", same_day_contacts),
    Integrity("house_party_splits", "The House vote's party splits add up to its tally.", house_party_splits),
    Integrity("supplementals_total", "The five supplementals add up to the total CRS publishes (within 1 %).",
              supplementals_total),
    Integrity("poll_duplicates", "One row per series, wave and group.", poll_duplicates),
    Integrity("subjects_missing", "Every subject the register names exists in the data.", subjects_missing),
)}
