"""Run the linter over many inputs, in one process or several.

Each input is checked by `check_input`, a function of the path and the settings
alone, so it runs unchanged in a worker process. Results come back in input
order, and findings are sorted, so `-j N` prints exactly what `-j 1` prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path

from lint.config import Config, ConfigError, find_config_file, load_config, matches_prefix
from lint.discovery import Discovery, expand
from lint.engine import DocumentResult, Linter, RuleFailure
from lint.finding import Finding
from lint.packs import PackError, Rule
from lint.rulebook import linter_for
from lint.sources import STDIN, InputError, read_input, remember_text


@dataclass(frozen=True)
class Settings:
    """What the command line says, applied on top of each file's configuration."""

    config_file: Path | None = None  # --config: one file for every input
    isolated: bool = False  # --isolated: ignore configuration files
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    packs: tuple[Path, ...] = ()
    fail_on: str | None = None
    encoding_errors: str = "strict"  # --encoding-errors: strict or replace
    cache_dir: Path | None = None  # results of unchanged files (lint.resultcache)
    max_document_size: int | None = None  # --max-document-size, over the configuration's
    exclude: tuple[str, ...] | None = None  # --exclude: replaces the configuration's
    extend_exclude: tuple[str, ...] = ()  # --extend-exclude: adds to it
    respect_gitignore: bool | None = None  # --no-respect-gitignore
    force_exclude: bool | None = None  # --force-exclude / --no-force-exclude
    stdin_filename: str | None = None  # --stdin-filename: the file standard input stands for

    def shown(self, path: str) -> str:
        """The name an input is reported under: standard input's stand-in name."""
        return self.stdin_filename if path == STDIN and self.stdin_filename else path

    def discovery(self, config: Config, include: tuple[str, ...] | None = None) -> Discovery:
        return Discovery.of(config, include, self.stdin_filename)


class ConfigResolver:
    """Finds the configuration for each input (nearest file wins), cached per folder."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._by_file: dict[Path | None, Config] = {}
        self._by_folder: dict[Path, Path | None] = {}

    def for_path(self, path: str) -> Config:
        s = self.settings
        if s.isolated:
            source = None
        elif s.config_file:
            source = s.config_file
        else:
            folder = Path.cwd() if path == STDIN else Path(path).resolve().parent
            if folder not in self._by_folder:
                self._by_folder[folder] = find_config_file(folder)
            source = self._by_folder[folder]
        if source not in self._by_file:
            base = load_config(source) if source else Config()
            self._by_file[source] = self._apply(base)
        return self._by_file[source]

    def _apply(self, config: Config) -> Config:
        s = self.settings
        return replace(
            config,
            select=s.select if s.select is not None else config.select,
            extend_select=config.extend_select + s.extend_select,
            ignore=config.ignore + s.ignore,
            packs=config.packs + s.packs,
            fail_on=s.fail_on or config.fail_on,
            max_document_size=s.max_document_size or config.max_document_size,
            exclude=config.exclude if s.exclude is None else s.exclude,
            extend_exclude=config.extend_exclude + s.extend_exclude,
            respect_gitignore=(
                config.respect_gitignore if s.respect_gitignore is None else s.respect_gitignore
            ),
            force_exclude=config.force_exclude if s.force_exclude is None else s.force_exclude,
        )


@dataclass
class Report:
    """Everything one run found: findings, inputs that failed, rules that ran."""

    findings: list[Finding] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    failures: list[RuleFailure] = field(default_factory=list)
    rules: dict[str, Rule] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)
    fail_on: str = "warning"
    timings: dict[str, float] = field(default_factory=dict)  # rule id -> seconds (--profile)


# `-j 0` (the command line's default) checks in one process per core once
# there are this many inputs, as ruff does; fewer are checked in one process.
AUTO_JOBS_MIN_INPUTS = 64

# --- one input ------------------------------------------------------------

_RESOLVER: ConfigResolver | None = None
_RESULTS = None  # a lint.resultcache.ResultCache, when settings.cache_dir is set


def _init_worker(settings: Settings) -> None:
    global _RESOLVER, _RESULTS
    _RESOLVER = ConfigResolver(settings)
    _RESULTS = None
    if settings.cache_dir is not None and not os.environ.get("NEWSLINT_NO_CACHE"):
        from lint.resultcache import ResultCache

        _RESULTS = ResultCache(settings.cache_dir)


def _check_document(config: Config, path: str, text: str) -> DocumentResult:
    """The linter's result, from the result cache when the file is unchanged."""
    linter = linter_for(config)
    if _RESULTS is None or os.environ.get("NEWSLINT_PROFILE"):
        return linter.check(text, path)
    from lint.resultcache import cacheable

    if not cacheable(linter):
        return linter.check(text, path)
    result = _RESULTS.get(linter, path, text)
    if result is None:
        result = linter.check(text, path)
        _RESULTS.put(linter, path, text, result)
    return result


def check_input(path: str, text: str | None = None) -> DocumentResult | InputError:
    """Read (unless `text` is given) and check one input."""
    assert _RESOLVER is not None, "call _init_worker first"
    shown = _RESOLVER.settings.shown(path)
    config = _RESOLVER.for_path(shown)
    if text is None:
        decoded = read_input(path, _RESOLVER.settings.encoding_errors, config.max_document_size)
        if isinstance(decoded, InputError):
            return replace(decoded, path=shown)
        text = decoded.text
        if shown != path:  # reports that show the text read it from here, not from disk
            remember_text(shown, text)
    path = shown
    result = _check_document(config, path, text)
    ignored = config.ignored_for(path)
    if ignored:
        result.findings = [f for f in result.findings if not matches_prefix(f.rule, ignored)]
    return result


# --- many inputs ----------------------------------------------------------


def run(
    paths: list[str],
    settings: Settings = Settings(),
    jobs: int = 1,
    guard: Callable[[list[str]], None] | None = None,
) -> Report:
    """Check every input. `guard(inputs)` sees the expanded inputs before any
    is read, and may raise to stop the run (the CLI refuses `-o` over one)."""
    _init_worker(settings)
    resolver = _RESOLVER
    cwd_config = resolver.for_path(STDIN)
    report = Report(fail_on=cwd_config.fail_on)
    inputs: list[str] = []
    for item in expand(paths, settings.discovery(cwd_config)):
        if isinstance(item, InputError):
            report.errors.append(item)
        else:
            inputs.append(item)
    if guard is not None:
        guard(inputs)
    from lint.progress import progress

    # Results are consumed as they come: only findings and batch facts are kept.
    items = ((path, None) for path in inputs)
    results = progress(check_all(items, settings, jobs, len(inputs)), len(inputs))
    linters: dict[tuple, tuple[Linter, list[DocumentResult]]] = {}
    for path, result in zip(inputs, results, strict=True):
        add_result(report, linters, resolver, path, result)
    report.findings.extend(batch_findings(linters.values(), resolver))
    report.findings.sort()
    if _RESULTS is not None:
        _RESULTS.prune_if_due()
    return report


def add_result(
    report: Report,
    linters: dict[tuple, tuple[Linter, list[DocumentResult]]],
    resolver: ConfigResolver,
    path: str,
    result: DocumentResult | InputError,
) -> None:
    """Keep what the report needs of one input's result: its findings, and its
    facts for the cross-document rules of its configuration's linter."""
    if isinstance(result, InputError):
        report.errors.append(result)
        return
    path = resolver.settings.shown(path)
    report.checked.append(path)
    report.findings.extend(result.findings)
    report.failures.extend(result.failures)
    report.words[path] = result.words
    for rule_id, seconds in result.timings.items():
        report.timings[rule_id] = report.timings.get(rule_id, 0.0) + seconds
    config = resolver.for_path(path)
    linter = linter_for(config)
    if config.key() not in linters:
        linters[config.key()] = (linter, [])
        for rule in linter.rules:
            report.rules.setdefault(rule.id, rule)
    if any(result.facts.values()):  # a document without facts changes no batch finding
        linters[config.key()][1].append(DocumentResult(path, [], facts=result.facts))


def effective_jobs(jobs: int, inputs: int) -> int:
    """Processes for `inputs` inputs: `jobs`, or with 0 one per core when there
    are enough inputs to pay for starting the workers (~0.1 s), else one."""
    if jobs > 0:
        return jobs
    return (os.cpu_count() or 1) if inputs >= AUTO_JOBS_MIN_INPUTS else 1


def check_all(
    items: Iterable[tuple[str, str | None]],
    settings: Settings,
    jobs: int,
    total: int | None = None,
) -> Iterator[DocumentResult | InputError]:
    """`check_safely(path, text)` for each (path, text) item, in order: a text
    of None means the file is read. With `jobs` > 1, in worker processes
    (lint.workers); with 0, one per core once there are `AUTO_JOBS_MIN_INPUTS`
    inputs (`total`, or counted by reading that many items ahead)."""
    items = iter(items)
    head: list[tuple[str, str | None]] = []
    if total is None:
        head = list(islice(items, AUTO_JOBS_MIN_INPUTS))
        total = len(head) if len(head) < AUTO_JOBS_MIN_INPUTS else AUTO_JOBS_MIN_INPUTS
    items = chain(head, items)
    jobs = min(effective_jobs(jobs, total), max(1, total), os.cpu_count() or 1)
    if jobs <= 1:
        for path, text in items:
            yield check_safely(path, text)
        return
    # The first input is checked here, before the workers start: forked
    # workers inherit the compiled rules and whatever the kinds load on first
    # use (lexicons, dictionaries) instead of each loading them again.
    first = next(items, None)
    if first is None:
        return
    yield check_safely(*first)
    from lint.workers import check_in_workers  # only with -j

    batch = max(1, min(64, total // (jobs * 4)))
    yield from check_in_workers(items, settings, jobs, batch)


def check_safely(path: str, text: str | None = None) -> DocumentResult | InputError:
    """`check_input`, except that an input which exhausts the memory, or meets a
    bug in newslint, fails alone: the run reports it and goes on."""
    try:
        return check_input(path, text)
    except (PackError, ConfigError):
        raise
    except Exception as exc:
        if _out_of_memory(exc):
            return InputError(
                path,
                "ran out of memory while checking it; skipped "
                "(a lower --max-document-size skips such inputs before reading them)",
                "out of memory",
            )
        # A bug: name it, and keep the other inputs' results.
        why = f"{type(exc).__name__}: {exc}"
        return InputError(
            path, f"newslint failed on it ({why}); this is a bug, please report it", "crashed"
        )


def _out_of_memory(exc: BaseException | None) -> bool:
    """A MemoryError, or an error a C extension raised because of one (a
    SystemError caused by the MemoryError)."""
    for _ in range(10):
        if exc is None:
            return False
        if isinstance(exc, MemoryError):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def batch_findings(
    linters: Iterable[tuple[Linter, list[DocumentResult]]], resolver: ConfigResolver
) -> list[Finding]:
    """Cross-document findings of each group of documents sharing a configuration,
    less those the reported file's `per-file-ignores` turn off."""
    found = []
    for linter, group in linters:
        for finding in linter.resolve_batch(group):
            ignored = resolver.for_path(finding.path).ignored_for(finding.path)
            if not (ignored and matches_prefix(finding.rule, ignored)):
                found.append(finding)
    return found


def check_paths(
    paths: Iterable[str | os.PathLike], settings: Settings = Settings(), jobs: int = 1
) -> list[Finding]:
    """Findings for files and folders, as `newslint check` reports them."""
    return run([str(p) for p in paths], settings, jobs).findings
