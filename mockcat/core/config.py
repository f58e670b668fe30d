"""Settings: one typed object, read from MOCKCAT_* variables and CLI flags."""

from __future__ import annotations

import enum
from pathlib import Path

from pydantic import BaseModel, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "MOCKCAT_"


class EmptyFeed(enum.StrEnum):
    """What GET leads answers when nothing is pending (contract §5)."""

    OK = "200"  # 200 with []
    NO_CONTENT = "204"


class ValidationProfile(enum.StrEnum):
    """How strictly dealer updates are checked (contract §8)."""

    STRICT = "strict"
    LENIENT = "lenient"


class ClientConfig(BaseModel):
    """One OAuth client of a dealer, as written in a clients file."""

    client_id: str = Field(min_length=1, max_length=200)
    client_secret: SecretStr = Field(min_length=1)
    dealer_code: str = Field(min_length=1, max_length=255)
    name: str = ""
    enabled: bool = True
    scopes: list[str] = Field(default_factory=lambda: ["manage:all"])
    validation_profile: ValidationProfile | None = None


class Settings(BaseSettings):
    """Everything mockcat can be told at start.

    Each setting is read from an environment variable named ``MOCKCAT_<NAME>``
    (``MOCKCAT_PORT=9000``); a flag of ``mockcat serve`` overrides it. A bad value
    stops the start with a message naming the setting and the value.
    """

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, extra="ignore", validate_default=True
    )

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    database: Path = Path("mockcat.db")
    clients_file: Path | None = None
    workers: int = Field(default=1, ge=1, le=64)
    token_lifetime: int = Field(default=3600, ge=1, le=7 * 24 * 3600)
    empty_feed: EmptyFeed = EmptyFeed.OK
    validation_profile: ValidationProfile = ValidationProfile.STRICT
    max_batch: int = Field(default=100, ge=1, le=10_000)
    max_body_bytes: int = Field(default=1024 * 1024, ge=1024)
    admin_token: SecretStr | None = None
    journal_size: int = Field(default=10_000, ge=0)
    issuer: str = "https://fedlogin.mockcat.local"
    log_level: str = Field(
        default="info", pattern="^(critical|error|warning|info|debug)$"
    )
    leads: int = Field(default=0, ge=0)
    seed: int | None = None
    dealer: str | None = None
    clients: list[ClientConfig] = Field(default_factory=list)

    def validate_files(self) -> None:
        """Check the paths a start needs, naming the setting on failure."""
        if self.clients_file is not None and not self.clients_file.is_file():
            raise SettingError("clients_file", str(self.clients_file), "no such file")
        parent = self.database.resolve().parent
        if not parent.is_dir():
            raise SettingError(
                "database", str(self.database), f"folder {parent} does not exist"
            )


class SettingError(Exception):
    """A setting's value that mockcat can't start with."""

    def __init__(self, name: str, value: str, reason: str) -> None:
        super().__init__(name, value, reason)
        self.name = name
        self.value = value
        self.reason = reason

    def __str__(self) -> str:
        flag = "--" + self.name.replace("_", "-")
        variable = ENV_PREFIX + self.name.upper()
        return f"invalid setting {variable} ({flag})={self.value!r}: {self.reason}"


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning pydantic's errors into a SettingError."""
    given = {k: v for k, v in overrides.items() if v is not None}
    try:
        settings = Settings(**given)  # type: ignore[arg-type]
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0]) if error["loc"] else "?"
        value = error.get("input")
        raise SettingError(name, str(value), error["msg"]) from None
    settings.validate_files()
    return settings
