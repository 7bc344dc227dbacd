"""Settings of the person running newslint, which no repository can set.

`$XDG_CONFIG_HOME/newslint/config.toml` (else `~/.config/newslint/config.toml`):

    allow-network = ["languagetool.example.org"]  # hosts checked text may be sent to

A repository's `.newslint.toml` or `pyproject.toml` cannot hold these keys
(lint.config refuses keys it does not know). The command line adds to them:
`--allow-network HOST`, handed to worker processes as NEWSLINT_ALLOW_NETWORK
(a comma-separated list the person running newslint may also set).
"""

from __future__ import annotations

import os
import stat
from functools import cache
from pathlib import Path

MAX_BYTES = 1_000_000
KEYS = {"allow-network"}
ALLOW_ENV = "NEWSLINT_ALLOW_NETWORK"


class UserConfigError(Exception):
    """The user's configuration file cannot be used; str() names the file."""


def user_config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "newslint" / "config.toml"


@cache
def _load(path: Path) -> dict:
    """The file's settings, checked; {} when there is no file."""
    import tomllib

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise UserConfigError(f"{path}: cannot read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            raise UserConfigError(f"{path}: not a regular file under {MAX_BYTES} bytes")
        data = fh.read(MAX_BYTES + 1)
    try:
        settings = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UserConfigError(f"{path}: {exc}") from None
    unknown = set(settings) - KEYS
    if unknown:
        raise UserConfigError(
            f"{path}: unknown key {sorted(unknown)[0]!r} (known: {', '.join(sorted(KEYS))})"
        )
    hosts = settings.get("allow-network", [])
    if not (isinstance(hosts, list) and all(isinstance(h, str) for h in hosts)):
        raise UserConfigError(f"{path}: allow-network must be a list of host names")
    return settings


def normalise_host(host: str) -> str:
    return host.strip().strip("[]").lower()


def allowed_hosts() -> frozenset[str]:
    """Hosts the person running newslint allows checked text to be sent to:
    NEWSLINT_ALLOW_NETWORK (the command line's --allow-network) and the user's
    configuration file."""
    hosts = {normalise_host(h) for h in os.environ.get(ALLOW_ENV, "").split(",") if h.strip()}
    hosts |= {normalise_host(h) for h in _load(user_config_path()).get("allow-network", [])}
    return frozenset(hosts)
