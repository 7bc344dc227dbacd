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

from lint import columns
from lint.addresses import PAGE_KINDS, outside_addresses
from lint.config import Config, ConfigError, find_config_file, load_config, matches_prefix
from lint.engine import DocumentResult, Linter, RuleFailure
from lint.finding import Finding
from lint.markdown_prose import is_markdown, prose_only
from lint.packs import PackError, Rule
from lint.rulebook import linter_for
from lint.sources import STDIN, InputError, expand, read_input, reread_text
from lint.suppressions import blanked, directives_of


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
    report_unused_suppressions: bool = False  # --report-unused-suppressions (lint.suppressions)
    column_unit: str = "code-point"  # --column-unit: code-point, utf-16 or byte (lint.columns)


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
    column_unit: str = "code-point"  # what the findings' columns count (lint.columns)
    timings: dict[str, float] = field(default_factory=dict)  # rule id -> seconds (--profile)


# Kinds whose findings are resolved across documents, after every document ran.
BATCH_KINDS = frozenset({"batch_facts", "batch_figures", "batch_names"})

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
    config = _RESOLVER.for_path(path)
    if text is None:
        decoded = read_input(path, _RESOLVER.settings.encoding_errors, config.max_document_size)
        if isinstance(decoded, InputError):
            return decoded
        text = decoded.text
    # Markdown is checked as its prose alone, at the same offsets (lint.markdown_prose).
    checked = prose_only(text) if is_markdown(path) else text
    directives = directives_of(path, text)
    checked = blanked(checked, directives)  # rules never read them
    result = _check_document(config, path, checked)
    ignored = config.ignored_for(path)
    if ignored:
        result.findings = [f for f in result.findings if not matches_prefix(f.rule, ignored)]
    linter = linter_for(config)
    result.findings = outside_addresses(
        checked, result.findings, lambda rule: linter.by_id[rule].kind in PAGE_KINDS
    )
    result.findings = suppress(config, path, text, result.findings, directives)
    unit = _RESOLVER.settings.column_unit
    if unit != columns.DEFAULT:  # here, where the text is (stdin too)
        result.findings = columns.convert(result.findings, text, unit)
    return result


def suppress(
    config: Config, path: str, text: str, findings: list[Finding], directives: list
) -> list[Finding]:
    """`findings` less those the `directives` (lint.suppressions: the text's
    comments, or a JSON Lines record's field) switch off, plus findings about
    the directives themselves."""
    from lint import suppressions

    if not directives:
        return findings
    from lint.rulebook import all_rules

    linter = linter_for(config)
    known = suppressions.known_names(r.id for r in all_rules(config))
    outcome = suppressions.apply(directives, findings, known)
    enabled = suppressions.known_names(linter.by_id)
    batch = frozenset(r.id for r in linter.rules if r.kind in BATCH_KINDS)
    unused = _RESOLVER is not None and _RESOLVER.settings.report_unused_suppressions
    extra_found = suppressions.problems(
        path, text, directives, outcome, known, enabled, batch, unused
    )
    return sorted(outcome.kept + extra_found)


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
    report = Report(fail_on=cwd_config.fail_on, column_unit=settings.column_unit)
    inputs: list[str] = []
    for item in expand(paths, cwd_config.include, cwd_config.exclude):
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
    found = batch_findings(linters.values(), resolver)
    report.findings.extend(columns.convert_all(found, settings.column_unit, _text_again))
    report.findings.sort()
    if _RESULTS is not None:
        _RESULTS.prune_if_due()
    return report


def _text_again(path: str) -> str:
    """A checked file's text, read again for the columns of its cross-document
    findings (standard input cannot be read twice: its columns stay code points)."""
    return "" if path == STDIN else reread_text(path)


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
    return _suppressed_in_files(found, resolver)


def _suppressed_in_files(findings: list[Finding], resolver: ConfigResolver) -> list[Finding]:
    """Cross-document findings less those their file's suppression comments
    switch off (the file is read again: such findings are few)."""
    from lint import suppressions
    from lint.rulebook import all_rules
    from lint.sources import reread_text

    kept = []
    directives: dict[str, list] = {}
    for finding in findings:
        path = finding.path
        if path not in directives:
            text = reread_text(path) if path != STDIN and os.path.isfile(path) else ""
            directives[path] = suppressions.directives_of(path, text)
        if directives[path]:
            config = resolver.for_path(path)
            known = suppressions.known_names(r.id for r in all_rules(config))
            if not suppressions.apply(directives[path], [finding], known).kept:
                continue
        kept.append(finding)
    return kept


def check_paths(
    paths: Iterable[str | os.PathLike], settings: Settings = Settings(), jobs: int = 1
) -> list[Finding]:
    """Findings for files and folders, as `newslint check` reports them."""
    return run([str(p) for p in paths], settings, jobs).findings
