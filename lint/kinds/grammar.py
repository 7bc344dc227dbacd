"""grammar: LanguageTool's matches as findings (optional; off by default).

LanguageTool runs as a server: either one you already run (`server:
http://localhost:8081`) or one started from a local LanguageTool folder
(`directory:`, the folder holding `languagetool-server.jar`) through
language-tool-python. Without options the `NEWSLINT_LANGUAGETOOL` environment
variable (a URL or a folder) is used. Nothing is ever downloaded: a missing
server, folder or Java is reported once on stderr and the run goes on with the
other rules.

Checked text goes to a server only when the person running newslint allows its
host: the host NEWSLINT_LANGUAGETOOL names, `--allow-network HOST`, or
`allow-network` in their own configuration (lint.userconfig), never a
repository's pack or configuration alone. A server off this machine is named
once on stderr when text is first sent to it. A local folder needs nothing.

LanguageTool's offsets and lengths count UTF-16 code units (it is written in
Java); they are converted to the code-point offsets newslint uses.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import os
import shutil
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lint.document import Document
from lint.kinds.base import Kind, Match, PackContext

ENV = "NEWSLINT_LANGUAGETOOL"


@dataclass(frozen=True)
class Options:
    server: str | None = None  # URL of a running LanguageTool server
    directory: str | None = None  # a local LanguageTool folder
    language: str = "en-US"  # LanguageTool's language code
    disabled_rules: tuple[str, ...] = ()  # LanguageTool rule ids not to report
    timeout: float = 20.0  # seconds to wait for the server per document


@dataclass(frozen=True)
class Compiled:
    server: str | None
    directory: str | None
    language: str
    disabled_rules: tuple[str, ...]
    timeout: float


def prepare(options: Options, context: PackContext) -> Compiled:
    server, directory = options.server, options.directory
    if server and directory:
        raise ValueError("give either server or directory, not both")
    if server and urllib.parse.urlparse(server).scheme not in ("http", "https"):
        raise ValueError(f"server must be an http(s) URL, not {server!r}")
    if options.timeout <= 0:
        raise ValueError("timeout must be positive")
    return Compiled(server, directory, options.language, options.disabled_rules, options.timeout)


# --- offsets ----------------------------------------------------------------


class Utf16Offsets:
    """UTF-16 code-unit offsets to code-point offsets for one text."""

    def __init__(self, text: str):
        # Code-point positions of characters outside the BMP (two UTF-16 units each).
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self.length = len(text)
        # The UTF-16 offset at which each astral character starts.
        self.astral16 = [i + k for k, i in enumerate(self.astral)]

    def to_index(self, unit: int) -> int:
        """The code point at a UTF-16 offset (inside a surrogate pair: that character)."""
        if not self.astral:
            return min(unit, self.length)
        before = bisect.bisect_left(self.astral16, unit)  # astral characters wholly before
        index = unit - before
        if before and unit == self.astral16[before - 1] + 1:  # between two surrogates
            index = self.astral[before - 1]
        return min(index, self.length)


# --- the service ------------------------------------------------------------


class Unavailable(Exception):
    pass


_SERVERS: dict[tuple, str] = {}  # (server, directory) -> base URL, per process
_WARNED: set[str] = set()
_NOTICED: set[str] = set()  # hosts off this machine text was sent to (said once)
_DOWN: set[tuple] = set()  # services that failed in this process
_TOOLS: list = []  # local servers started here live as long as the process


def _warn_once(reason: str) -> None:
    if reason not in _WARNED:
        _WARNED.add(reason)
        print(f"newslint: warning: grammar rules skipped: {reason}", file=sys.stderr)


def _local_server(directory: str) -> str:
    """Start LanguageTool from a local folder with language-tool-python (no download)."""
    folder = Path(directory).expanduser()
    jars = [
        folder / "languagetool-server.jar",
        *folder.glob("LanguageTool-*/languagetool-server.jar"),
    ]
    jar = next((j for j in jars if j.is_file()), None)
    if jar is None:
        raise Unavailable(f"no languagetool-server.jar in {folder}")
    if shutil.which("java") is None:
        raise Unavailable("Java is not installed (LanguageTool needs it)")
    try:
        import language_tool_python
    except ImportError:
        raise Unavailable(
            "language-tool-python is not installed (pip install 'newslint[grammar]')"
        ) from None
    os.environ["LTP_JAR_DIR_PATH"] = str(jar.parent)  # use this jar; never download
    try:
        tool = language_tool_python.LanguageTool("en-US")
    except Exception as exc:  # the library raises several kinds; all mean "not available"
        raise Unavailable(f"LanguageTool in {jar.parent} did not start: {exc}") from None
    _TOOLS.append(tool)
    return tool._url.rstrip("/").removesuffix("/v2")


def _host(url: str) -> str:
    from lint.userconfig import normalise_host

    return normalise_host(urllib.parse.urlparse(url).hostname or "")


def on_this_machine(host: str) -> bool:
    """Whether a host is this machine's loopback (named, not looked up)."""
    import ipaddress

    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed(server: str) -> str:
    """The server's host, if the person running newslint allows sending
    text to it; Unavailable saying how to allow it otherwise."""
    from lint.userconfig import UserConfigError, allowed_hosts, user_config_path

    host = _host(server)
    configured = os.environ.get(ENV, "").strip()
    if configured.startswith(("http://", "https://")) and _host(configured) == host:
        return host  # the server the person running newslint named
    try:
        hosts = allowed_hosts()
    except UserConfigError as exc:
        raise Unavailable(str(exc)) from None
    if host not in hosts:
        raise Unavailable(
            f"a pack names the LanguageTool server {host or server!r}, and newslint sends "
            f"text only to hosts you allow: --allow-network {host or '<host>'}, or "
            f"allow-network in {user_config_path()}"
        )
    return host


def _notice_once(host: str) -> None:
    """Say once on stderr that checked text leaves this machine for `host`."""
    if not on_this_machine(host) and host not in _NOTICED:
        _NOTICED.add(host)
        notice = f"newslint: notice: sending the checked text to LanguageTool at {host}"
        print(notice, file=sys.stderr)


def base_url(compiled: Compiled) -> str:
    key = (compiled.server, compiled.directory)
    if key not in _SERVERS:
        if compiled.server:
            _notice_once(allowed(compiled.server))
            _SERVERS[key] = compiled.server.rstrip("/").removesuffix("/v2")
        elif compiled.directory:
            _SERVERS[key] = _local_server(compiled.directory)
        else:
            raise Unavailable(f"no LanguageTool configured (set {ENV} or the rule's options)")
    return _SERVERS[key]


def query(compiled: Compiled, text: str) -> dict:
    """POST /v2/check, LanguageTool's documented HTTP API; returns its JSON."""
    params = {"text": text, "language": compiled.language}
    if compiled.disabled_rules:
        params["disabledRules"] = ",".join(compiled.disabled_rules)
    request = urllib.request.Request(
        base_url(compiled) + "/v2/check",
        data=urllib.parse.urlencode(params).encode("utf-8"),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=compiled.timeout) as response:
            return json.load(response)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise Unavailable(
            f"LanguageTool at {base_url(compiled)} did not answer: {reason}"
        ) from None


def matches_from_response(text: str, data: dict) -> Iterator[Match]:
    """LanguageTool's JSON matches as newslint matches, offsets in code points."""
    offsets = Utf16Offsets(text)
    for m in data.get("matches", []):
        start16, length16 = int(m["offset"]), int(m["length"])
        start = offsets.to_index(start16)
        end = max(start, offsets.to_index(start16 + length16))
        rule = m.get("rule", {})
        suggestions = tuple(r["value"] for r in m.get("replacements", [])[:3] if "value" in r)
        yield Match(
            start,
            end,
            values={
                "lt_rule": rule.get("id", ""),
                "lt_category": rule.get("category", {}).get("id", ""),
            },
            suggestions=suggestions,
            message=f"{m.get('message', '').strip()} (LanguageTool {rule.get('id', '?')})",
        )


def unavailable(compiled: Compiled) -> str | None:
    """Why the service cannot be used here, or None (the pack self-test skips then)."""
    try:
        base_url(compiled)
    except Unavailable as exc:
        return str(exc)
    return None


def from_environment(compiled: Compiled) -> Compiled:
    """Without server or directory options, NEWSLINT_LANGUAGETOOL decides, read
    at run time (compiled packs are cached across runs and environments)."""
    if compiled.server or compiled.directory:
        return compiled
    configured = os.environ.get(ENV, "").strip()
    if configured.startswith(("http://", "https://")):
        return dataclasses.replace(compiled, server=configured)
    if configured:
        return dataclasses.replace(compiled, directory=configured)
    return compiled


def check(doc: Document, compiled: Compiled) -> Iterator[Match]:
    if not doc.text.strip():
        return
    compiled = from_environment(compiled)
    key = (compiled.server, compiled.directory)
    if key in _DOWN:
        return
    try:
        data = query(compiled, doc.text)
    except Unavailable as exc:
        _DOWN.add(key)  # do not wait on a dead server once per document
        _warn_once(str(exc))
        return
    yield from matches_from_response(doc.text, data)


KIND: Kind[Options, Compiled] = Kind(
    Options=Options,
    prepare=prepare,
    check=check,
    cacheable=False,  # Results depend on the LanguageTool server, not only the text: never cached.
    unavailable=unavailable,
)
