"""The counter's sync settings, and the rule of its head-office token.

:class:`SyncSettings` lives with the other settings (``Settings.sync``, table
``setting``): the head office's address (``hq_url``), the nightly time
(``nightly_at``, ``HH:MM`` Thai time, empty for none) and whether closing the
day with a Z report starts a sync (``after_z``).

The **token is not a setting**: it is a secret, and the store is copied
around — backups before every migration, support copies, ``settings show``,
and the audit trail records every setting's old and new value.  It is kept in
its own file, ``hq-token`` in the data directory, readable by the counter's
user only (0600, written atomically: a crash leaves the old token or the new
one, never half of one): :mod:`pos.adapters.token_file`.  Anyone with the
data directory has the sales anyway; the file keeps the token out of everything
else.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pos.sync.wire import TOKEN_PREFIX

_TOKEN = re.compile(rf"^{re.escape(TOKEN_PREFIX)}[A-Za-z0-9_-]{{20,200}}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class SyncSettings:
    hq_url: str = ""  # https://hq.example:8700; empty: this counter does not sync
    nightly_at: str = "23:30"  # Thai time; empty: no nightly run inside the app
    after_z: bool = True  # a Z report starts a sync

    def __post_init__(self) -> None:
        if self.hq_url and not re.match(r"^https?://[^\s/]+", self.hq_url):
            raise ValueError(f"hq_url must start with https:// or http://, not {self.hq_url!r}")
        if self.nightly_at and not _TIME.match(self.nightly_at):
            raise ValueError(
                f"nightly_at must be HH:MM (e.g. 23:30) or empty, not {self.nightly_at!r}"
            )

    @property
    def nightly_time(self) -> dt.time | None:
        return dt.time.fromisoformat(self.nightly_at) if self.nightly_at else None

    def to_setting(self) -> dict[str, Any]:
        return {"hq_url": self.hq_url, "nightly_at": self.nightly_at, "after_z": self.after_z}

    @classmethod
    def from_setting(cls, value: Any) -> SyncSettings:
        if not isinstance(value, Mapping):
            raise ValueError("must be an object with hq_url, nightly_at, after_z")
        extra = sorted(set(value) - {"hq_url", "nightly_at", "after_z"})
        if extra:
            raise ValueError(f"unknown sync setting(s): {', '.join(extra)}")
        after_z = value.get("after_z", True)
        if not isinstance(after_z, bool):
            raise ValueError(f"after_z must be true or false, not {after_z!r}")
        return cls(
            str(value.get("hq_url", "")).strip().rstrip("/"),
            str(value.get("nightly_at", "23:30")).strip(),
            after_z,
        )


def check_token(token: str) -> str:
    token = token.strip()
    if not _TOKEN.match(token):
        raise ValueError(
            "that is not a head-office token (it starts with otop_ and is printed once by "
            "otop-pos hq add-terminal)"
        )
    return token
