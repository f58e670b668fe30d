"""The store: the only code that reads or writes the database.

Routes and commands reach data through a ``Store`` and its parts; none of them
writes SQL. A server backend for several replicas would replace this package.
"""

from __future__ import annotations

from pathlib import Path

from mockcat.store.browse import LeadBrowser
from mockcat.store.clients import ClientStore
from mockcat.store.db import Database
from mockcat.store.faults import FaultStore
from mockcat.store.feed import FeedStore
from mockcat.store.journal import JournalStore
from mockcat.store.keys import KeyStore
from mockcat.store.leads import LeadStore
from mockcat.store.reset import reset_data
from mockcat.store.state import Clock, StateStore
from mockcat.store.timeline import TimelineStore
from mockcat.store.updates import UpdateStore


class Store:
    """Every part of the store, over one database file."""

    def __init__(self, path: Path) -> None:
        self.db = Database(path)
        self.state = StateStore(self.db)
        self.clock = Clock(self.state)
        self.clients = ClientStore(self.db)
        self.keys = KeyStore(self.db)
        self.leads = LeadStore(self.db)
        self.updates = UpdateStore(self.db)
        self.journal = JournalStore(self.db)
        self.faults = FaultStore(self.db)
        self.feeds = FeedStore(self.db)
        self.timeline = TimelineStore(self.db)
        self.browse = LeadBrowser(self.db)

    def create_schema(self) -> None:
        self.db.create_schema()

    def ping(self) -> None:
        """Raise if the database file can't be read."""
        self.db.connection().execute("SELECT 1").fetchone()

    def reset(self) -> None:
        """Empty the data (leads, updates, journal, faults, feeds, clock)."""
        reset_data(self.db)

    def close(self) -> None:
        self.journal.flush()
        self.db.close()
