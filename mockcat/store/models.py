"""The tables, as SQLModel classes. Only the store package reads or writes them.

Times are integers: microseconds since the epoch on the simulator's clock.
"""

from __future__ import annotations

from sqlalchemy import Column, Index, LargeBinary, text
from sqlmodel import Field, SQLModel


class Lead(SQLModel, table=True):
    """A lead as Caterpillar holds it, with its delivery state (contract §6)."""

    seq: int | None = Field(default=None, primary_key=True)
    lead_id: str = Field(unique=True, max_length=255)
    dealer_code: str = Field(max_length=255)
    state: str = Field(max_length=10)  # NEW, UPDATED or SENT
    # When the lead last became pending: its creation, or a Caterpillar update.
    pending_since: int
    # dateCreated in UTC, "YYYY-MM-DDTHH:MM:SS.ffffff", so text order is time order.
    created_utc: str
    delivered: bool = False
    # The last delivery that handed this lead out; each delivery names the one
    # before it, so a lead's deliveries are a chain without a row per lead.
    last_delivery: int | None = None
    dealer_status: str | None = None
    stage: str | None = None
    updated_at: int | None = None

    __table_args__ = (
        # Only pending leads are in this index, so taking the oldest costs the
        # same with a million delivered leads as with none.
        Index(
            "ix_lead_pending",
            "dealer_code",
            "pending_since",
            "seq",
            sqlite_where=text("state <> 'SENT'"),
        ),
        Index(
            "ix_lead_historic",
            "dealer_code",
            "created_utc",
            "lead_id",
            sqlite_where=text("delivered = 1"),
        ),
    )


class LeadBody(SQLModel, table=True):
    """A lead's fields in the guide's order, without leadState, as JSON bytes.

    Kept apart from ``lead`` so that a change of state (a delivery, a dealer
    update) rewrites a row of a hundred bytes, not one of two kilobytes: with the
    body inline, marking 100 leads SENT rewrote about 200 KB of pages.
    """

    __tablename__ = "lead_body"

    seq: int = Field(primary_key=True)  # the lead's seq
    body: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class Client(SQLModel, table=True):
    """An OAuth client; each belongs to one dealer (contract §4)."""

    client_id: str = Field(primary_key=True, max_length=200)
    secret_sha256: str
    dealer_code: str = Field(index=True, max_length=255)
    name: str = ""
    enabled: bool = True
    scopes: str = "manage:all"  # space-separated, as in OAuth
    validation_profile: str | None = None
    source: str = "file"  # file, env, demo or api


class SigningKey(SQLModel, table=True):
    """The RSA key tokens are signed with, kept so tokens outlive a restart."""

    kid: str = Field(primary_key=True)
    private_pem: str
    created_at: int


class SimState(SQLModel, table=True):
    """Small shared values every worker process reads (clock offset, ...)."""

    __tablename__ = "sim_state"

    key: str = Field(primary_key=True)
    value: str


class LeadUpdate(SQLModel, table=True):
    """One accepted dealer update of a lead, in the order it arrived (contract §8)."""

    __tablename__ = "lead_update"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: str = Field(index=True, max_length=255)
    dealer_code: str = Field(max_length=255)
    client_id: str
    request_id: str
    received_at: int
    lead_status: str
    stage: str | None = None
    # The update's fields as accepted, under their current names, as JSON.
    values: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    warnings: str = "[]"  # a JSON array of strings


class JournalEntry(SQLModel, table=True):
    """One request to the simulated API, kept for the journal (bounded)."""

    __tablename__ = "journal"

    id: int | None = Field(default=None, primary_key=True)
    at: int
    method: str
    path: str
    query: str = ""
    status: int  # 0: the connection was dropped by a fault rule
    client_id: str | None = None
    duration_ms: float
    request_id: str
    body: str | None = None  # the request body of a POST, secrets masked
    errors: str | None = None  # a JSON array: the problems of a rejected request


class FaultRule(SQLModel, table=True):
    """A failure to inject into matching requests (contract §10)."""

    __tablename__ = "fault_rule"

    id: int | None = Field(default=None, primary_key=True)
    method: str  # GET, POST, ... or * for any
    path: str  # a path, or a pattern with * wildcards
    status: int | None = None
    body: str | None = None  # a JSON value
    headers: str = "{}"  # a JSON object
    delay_ms: int = 0
    drop_connection: bool = False
    timing: str = "before"  # before or after the API handles the request
    times: int | None = None
    remaining: int | None = None  # None: no count, fires while it matches
    probability: float | None = None
    hits: int = 0
    created_at: int


class Feed(SQLModel, table=True):
    """A dealer's live feed: new leads and Caterpillar updates at set rates."""

    dealer_code: str = Field(primary_key=True, max_length=255)
    leads_per_minute: float
    updates_per_minute: float
    country: str | None = None
    business_unit: str | None = None
    started_at: int  # simulator clock
    # Pacing is real time (microseconds since the epoch), kept here so that a
    # worker that takes the lease over carries on where the last one stopped.
    last_run: int
    lead_carry: float = 0.0
    update_carry: float = 0.0
    leads_made: int = 0
    updates_made: int = 0


class Lease(SQLModel, table=True):
    """A named lease: which worker process does a job that must run once."""

    name: str = Field(primary_key=True)
    owner: str
    expires_at: int  # real time, microseconds since the epoch


class Delivery(SQLModel, table=True):
    """One GET leads answer that handed leads out."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: str
    client_id: str
    at: int
    size: int  # how many leads the answer held
    # [[seq, state, previous delivery of that lead or 0], ...] as JSON: one row
    # per answer, where a row per lead delivered cost a tenth of the feed's time.
    leads: bytes = Field(
        default=b"[]",
        sa_column=Column(LargeBinary, nullable=False, server_default="[]"),
    )


class LeadEvent(SQLModel, table=True):
    """Something Caterpillar did to a lead after creating it."""

    __tablename__ = "lead_event"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: str = Field(index=True, max_length=255)
    at: int
    kind: str  # caterpillar_update
    details: str = "{}"  # a JSON object
