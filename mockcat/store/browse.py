"""Reading leads the way the controls and the dashboard look at them."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from mockcat.spec.update_fields import LEAD_STATUSES, STAGES
from mockcat.store.db import Database

NONE = "none"  # a filter value: no dealer status, or no stage
# In the order a lead passes them (the guide lists SENT last: historic only).
STATES = ("NEW", "SENT", "UPDATED")


def _field(name: str) -> str:
    # The body lives in lead_body; looked up only where a field is asked for,
    # so counts and filters on lead's own columns never read it.
    body = "(SELECT body FROM lead_body WHERE lead_body.seq = lead.seq)"
    return f"json_extract(CAST({body} AS TEXT), '$.{name}')"


_SUMMARY_COLUMNS = ", ".join(
    [
        "lead_id",
        "dealer_code",
        "state",
        "dealer_status",
        "stage",
        _field("firstName"),
        _field("lastName"),
        _field("company"),
        _field("countryCode"),
        _field("businessUnit"),
        _field("dateCreated"),
        "updated_at",
    ]
)


@dataclass(frozen=True, slots=True)
class LeadQuery:
    dealer: str | None = None
    state: str | None = None
    status: str | None = None  # a dealer status, or "none"
    stage: str | None = None  # a stage, or "none"
    text: str | None = None  # in the leadId, name, company or email
    offset: int = 0
    limit: int = 50


@dataclass(frozen=True, slots=True)
class LeadSummary:
    lead_id: str
    dealer_code: str
    state: str
    dealer_status: str | None
    stage: str | None
    first_name: str | None
    last_name: str | None
    company: str | None
    country_code: str | None
    business_unit: str | None
    date_created: str | None
    updated_at: int | None


@dataclass(frozen=True, slots=True)
class LeadStats:
    dealers: list[str]
    by_state: dict[str, int]
    by_dealer_status: dict[str, int]
    by_stage: dict[str, int]


def _optional(column: str, value: str | None) -> tuple[str, list[object]]:
    if value is None:
        return "", []
    if value == NONE:
        return f"{column} IS NULL", []
    return f"{column} = ?", [value]


def _where(query: LeadQuery) -> tuple[str, list[object]]:
    parts = [
        _optional("dealer_code", query.dealer),
        _optional("state", query.state),
        _optional("dealer_status", query.status),
        _optional("stage", query.stage),
    ]
    if query.text:
        escaped = query.text.replace("\\", "\\\\").replace("%", "\\%")
        like = "%" + escaped.replace("_", "\\_") + "%"
        # `name` is the guide's full name, so "Ada Lovelace" finds Ada Lovelace.
        names = ("name", "firstName", "lastName", "company", "emailAddress")
        searched = ["lead_id"] + [_field(n) for n in names]
        clause = " OR ".join(f"{s} LIKE ? ESCAPE '\\'" for s in searched)
        parts.append((f"({clause})", [like] * len(searched)))
    clauses = [sql for sql, _ in parts if sql]
    args = [arg for _, values in parts for arg in values]
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), args


class LeadBrowser:
    def __init__(self, db: Database) -> None:
        self.db = db

    def find(self, query: LeadQuery) -> tuple[list[LeadSummary], int]:
        """Matching leads, newest first, and how many match in all."""
        where, args = _where(query)
        rows, count = self.db.page(
            _SUMMARY_COLUMNS,
            f"lead{where}",
            args,
            order="created_utc DESC, seq DESC",
            limit=query.limit,
            offset=query.offset,
        )
        return [LeadSummary(*row) for row in rows], count

    def stats(self, dealer: str | None) -> LeadStats:
        where = "" if dealer is None else " WHERE dealer_code = ?"
        args: list[object] = [] if dealer is None else [dealer]
        with self.db.read() as conn:
            dealers = [
                row[0]
                for row in conn.execute(
                    "SELECT dealer_code FROM client UNION"
                    " SELECT DISTINCT dealer_code FROM lead ORDER BY 1"
                )
            ]
            by_state = self._count(conn, "state", where, args)
            by_status = self._count(conn, "dealer_status", where, args)
            by_stage = self._count(conn, "stage", where, args)
        return LeadStats(
            dealers=dealers,
            by_state={s: by_state.get(s, 0) for s in STATES},
            by_dealer_status={
                **{s: by_status.get(s, 0) for s in LEAD_STATUSES},
                NONE: by_status.get(None, 0),
            },
            by_stage={s: by_stage.get(s, 0) for s in STAGES},
        )

    @staticmethod
    def _count(
        conn: sqlite3.Connection, column: str, where: str, args: list[object]
    ) -> dict[Any, int]:
        rows = conn.execute(
            f"SELECT {column}, count(*) FROM lead{where} GROUP BY {column}", args
        )
        return {row[0]: int(row[1]) for row in rows}
