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
    # The lead's fields in the guide's order, without leadState, as JSON bytes.
    body: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
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
