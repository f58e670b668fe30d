"""Logging, configured once by the entry point (never at import)."""

from __future__ import annotations

import logging
import logging.config
import threading
import time
from typing import IO, Any

# Lines are written in batches: a write(2) and a flush per line cost about
# 70 us a request in the server. Warnings and errors are written at once.
FLUSH_SECONDS = 0.05
FLUSH_LINES = 256


class BatchedStreamHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """A stream handler that writes its lines every FLUSH_SECONDS.

    A background thread writes what has gathered; so does a full batch, a
    warning or worse, ``flush()`` and ``close()`` (logging flushes every
    handler when the process exits normally).
    """

    def __init__(self, stream: IO[str] | None = None) -> None:
        super().__init__(stream)
        self._lines: list[str] = []
        self._flusher: threading.Thread | None = None
        self._closed = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._lines.append(self.format(record) + self.terminator)
            if record.levelno >= logging.WARNING or len(self._lines) >= FLUSH_LINES:
                self._write()
            elif self._flusher is None or not self._flusher.is_alive():
                self._start_flusher()
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)

    def flush(self) -> None:
        with self.lock:  # type: ignore[union-attr]
            self._write()

    def close(self) -> None:
        self.flush()
        self._closed.set()
        super().close()

    def _write(self) -> None:
        # Called with the handler's lock held.
        if self._lines:
            text = "".join(self._lines)
            self._lines.clear()
            self.stream.write(text)
        super().flush()

    def _start_flusher(self) -> None:
        # Started on first use, and again in a forked child (threads do not
        # survive a fork).
        self._flusher = threading.Thread(
            target=self._flush_often, name="log-flush", daemon=True
        )
        self._flusher.start()

    def _flush_often(self) -> None:
        while not self._closed.wait(FLUSH_SECONDS):
            self.flush()


class PlainFormatter(logging.Formatter):
    """The ``plain`` format, with the date part formatted once a second."""

    def __init__(self, fmt: str) -> None:
        super().__init__(fmt)
        self._second = -1
        self._stamp = ""

    def formatTime(  # noqa: N802  (logging's name)
        self, record: logging.LogRecord, datefmt: str | None = None
    ) -> str:
        second = int(record.created)
        if second != self._second:
            self._second = second
            self._stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(second))
        return f"{self._stamp},{int(record.msecs):03d}"


def logging_config(level: str = "info") -> dict[str, Any]:
    """A dictConfig for mockcat's loggers and uvicorn's."""
    level = level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {
                "()": PlainFormatter,
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            }
        },
        "handlers": {
            "stderr": {
                "()": BatchedStreamHandler,
                "formatter": "plain",
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "mockcat": {"handlers": ["stderr"], "level": level, "propagate": False},
            "uvicorn": {"handlers": ["stderr"], "level": level, "propagate": False},
            # mockcat writes its own access line, with the client and request id.
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        },
    }


def configure_logging(level: str = "info") -> None:
    logging.config.dictConfig(logging_config(level))
