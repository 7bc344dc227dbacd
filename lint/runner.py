"""Run the linter over many inputs, in one process or several.

One `Runner` serves every way in: files and folders (`run`), standard input,
the records of JSON Lines files (`run_jsonl`) and `--fix` (`fix`, through
lint.fix). It holds what a run needs: the settings, the configuration found
for each input, the linters built for them and the result cache. Each input is
checked by `Runner.check_input`, a function of the path and the settings
alone, so a worker process runs it unchanged with a `Runner` of its own.
Results come back in input order, and findings are sorted, so `-j N` prints
exactly what `-j 1` prints.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from lint import columns
from lint.addresses import PAGE_KINDS, outside_addresses
from lint.config import Config, ConfigError, find_config_file, load_config, matches_prefix
from lint.discovery import Discovery, expand
from lint.engine import DocumentResult, Linter, RuleFailure
from lint.finding import Finding
from lint.jsonl import SUPPRESS_FIELD, Record, read_records
from lint.markdown_prose import is_markdown, prose_only
from lint.packs import PackError
from lint.rule import Rule
from lint.rulebook import linter_for
from lint.sources import STDIN, InputError, read_input, remember_text, reread_text
from lint.suppressions import blanked, directives_of

if TYPE_CHECKING:
    from lint.fix import FileFix, FixError
    from lint.resultcache import ResultCache

Guard = Callable[[list[str]], None]
Item = tuple[str, str | None]  # (path, text): None means the file is read


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
    profile: bool = False  # --profile: time every rule on every document (never cached)
    progress: bool = True  # a progress bar on stderr when it is a terminal (-q: off)
    report_unused_suppressions: bool = False  # --report-unused-suppressions (lint.suppressions)
    column_unit: str = "code-point"  # --column-unit: code-point, utf-16 or byte (lint.columns)
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
    column_unit: str = "code-point"  # what the findings' columns count (lint.columns)
    timings: dict[str, float] = field(default_factory=dict)  # rule id -> seconds (--profile)
    # JSON Lines input: path -> its record (the text kept only when it has findings).
    records: dict[str, Record] = field(default_factory=dict)


# `-j 0` (the command line's default) checks in one process per core once
# there are this many inputs, as ruff does; fewer are checked in one process.
AUTO_JOBS_MIN_INPUTS = 64

# `-j 0` (the command line's default) checks in one process per core once
# there are this many inputs, as ruff does; fewer are checked in one process.
AUTO_JOBS_MIN_INPUTS = 64


class Runner:
    """One run's state: settings, configurations, linters and result cache."""

    def __init__(self, settings: Settings = Settings()):
        self.settings = settings
        self.resolver = ConfigResolver(settings)
        self.results: ResultCache | None = None
        if settings.cache_dir is not None:
            from lint.resultcache import ResultCache

            self.results = ResultCache(settings.cache_dir)
        self._linters: dict[tuple, Linter] = {}

    def linter(self, config: Config) -> Linter:
        """The linter of a configuration, built once per run."""
        key = config.key()
        if key not in self._linters:
            self._linters[key] = linter_for(config)
        return self._linters[key]

    # --- one input ----------------------------------------------------------

    def _check_document(self, config: Config, path: str, text: str) -> DocumentResult:
        """The linter's result, from the result cache when the file is unchanged."""
        linter = self.linter(config)
        profile = self.settings.profile
        if self.results is None or profile:
            return linter.check(text, path, profile=profile)
        from lint.resultcache import cacheable

        if not cacheable(linter):
            return linter.check(text, path)
        result = self.results.get(linter, path, text)
        if result is None:
            result = linter.check(text, path)
            self.results.put(linter, path, text, result)
        return result

    def check_input(self, path: str, text: str | None = None) -> DocumentResult | InputError:
        """Read (unless `text` is given) and check one input."""
        shown = self.settings.shown(path)
        config = self.resolver.for_path(shown)
        if text is None:
            decoded = read_input(path, self.settings.encoding_errors, config.max_document_size)
            if isinstance(decoded, InputError):
                return replace(decoded, path=shown)
            text = decoded.text
            if shown != path:  # reports that show the text read it from here, not from disk
                remember_text(shown, text)
        path = shown
        # Markdown is checked as its prose alone, at the same offsets (lint.markdown_prose).
        checked = prose_only(text) if is_markdown(path) else text
        directives = directives_of(path, text)
        checked = blanked(checked, directives)  # rules never read them
        result = self._check_document(config, path, checked)
        ignored = config.ignored_for(path)
        if ignored:
            result.findings = [f for f in result.findings if not matches_prefix(f.rule, ignored)]
        linter = self.linter(config)
        result.findings = outside_addresses(
            checked, result.findings, lambda rule: linter.by_id[rule].kind in PAGE_KINDS
        )
        result.findings = self.suppress(config, path, text, result.findings, directives)
        unit = self.settings.column_unit
        if unit != columns.DEFAULT:  # here, where the text is (stdin too)
            result.findings = columns.convert(result.findings, text, unit)
        return result

    def suppress(
        self, config: Config, path: str, text: str, findings: list[Finding], directives: list
    ) -> list[Finding]:
        """`findings` less those the `directives` (lint.suppressions: the text's
        comments, or a JSON Lines record's field) switch off, plus findings about
        the directives themselves."""
        from lint import suppressions

        if not directives:
            return findings
        from lint.rulebook import all_rules

        linter = self.linter(config)
        known = suppressions.known_names(r.id for r in all_rules(config))
        outcome = suppressions.apply(directives, findings, known)
        enabled = suppressions.known_names(linter.by_id)
        batch = frozenset(r.id for r in linter.rules if r.kind in BATCH_KINDS)
        unused = self.settings.report_unused_suppressions
        extra_found = [
            f
            for f in suppressions.problems(
                path, text, directives, outcome, known, enabled, batch, unused
            )
            if not matches_prefix(f.rule, config.ignore)  # --ignore newslint.unknown-rule
        ]
        return sorted(outcome.kept + extra_found)

    def check_safely(self, path: str, text: str | None = None) -> DocumentResult | InputError:
        """`check_input`, except that an input which exhausts the memory, or meets a
        bug in newslint, fails alone: the run reports it and goes on."""
        try:
            return self.check_input(path, text)
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

    def check_all(
        self, items: Iterable[Item], jobs: int, total: int | None = None
    ) -> Iterator[DocumentResult | InputError]:
        """`check_safely(path, text)` for each (path, text) item, in order. With
        `jobs` > 1, in worker processes (lint.workers); with 0, one per core once
        there are `AUTO_JOBS_MIN_INPUTS` inputs (`total`, or counted by reading
        that many items ahead)."""
        items = iter(items)
        head: list[Item] = []
        if total is None:
            head = list(islice(items, AUTO_JOBS_MIN_INPUTS))
            total = len(head) if len(head) < AUTO_JOBS_MIN_INPUTS else AUTO_JOBS_MIN_INPUTS
        items = chain(head, items)
        jobs = min(effective_jobs(jobs, total), max(1, total), os.cpu_count() or 1)
        if jobs <= 1:
            for path, text in items:
                yield self.check_safely(path, text)
            return
        # The first input is checked here, before the workers start: forked
        # workers inherit the compiled rules and whatever the kinds load on first
        # use (lexicons, dictionaries) instead of each loading them again.
        first = next(items, None)
        if first is None:
            return
        yield self.check_safely(*first)
        from lint.workers import check_in_workers  # only with -j

        batch = max(1, min(64, total // (jobs * 4)))
        yield from check_in_workers(items, self, jobs, batch)

    # --- many inputs ----------------------------------------------------------

    def run(self, paths: list[str], jobs: int = 1, guard: Guard | None = None) -> Report:
        """Check every input. `guard(inputs)` sees the expanded inputs before any
        is read, and may raise to stop the run (the CLI refuses `-o` over one)."""
        report, inputs = self._start(paths, guard)
        from lint.progress import progress

        items = ((path, None) for path in inputs)
        results = self.check_all(items, jobs, len(inputs))
        shown = progress(results, len(inputs), enabled=self.settings.progress)
        return self._gather(report, zip(inputs, shown, strict=True), _text_again)

    def run_jsonl(
        self,
        paths: list[str],
        field: str,
        id_field: str | None,
        jobs: int = 1,
        guard: Guard | None = None,
        suppress_field: str | None = SUPPRESS_FIELD,
    ) -> Report:
        """Like `run`, over the records of JSON Lines files (lint.jsonl): each
        record's text is checked as its own document. Records are read as they
        are checked; the report keeps the text of those with findings only
        (baselines and the HTML report show them)."""
        report, files = self._start(paths, guard, jsonl=True)
        reading: deque[Record] = deque()  # records handed to the checker, not yet answered

        def items() -> Iterator[Item]:
            for file in files:
                limit = self.resolver.for_path(file).max_document_size
                errors = self.settings.encoding_errors
                records = read_records(file, field, id_field, limit, errors, suppress_field)
                for record in records:
                    if isinstance(record, InputError):
                        report.errors.append(record)
                    else:
                        reading.append(record)
                        yield record.path, record.text

        def answered() -> Iterator[tuple[str, DocumentResult | InputError]]:
            for result in self.check_all(items(), jobs):
                record = reading.popleft()
                if not isinstance(result, InputError):
                    if record.suppress is not None:
                        from lint.suppressions import record_directive

                        config = self.resolver.for_path(record.path)
                        directive = record_directive(record.suppress)
                        result.findings = self.suppress(
                            config, record.path, record.text, result.findings, [directive]
                        )
                    # No report needs the text of a record without findings, unless a
                    # cross-document finding may land in it and its columns are converted.
                    unit = self.settings.column_unit
                    facts = unit != columns.DEFAULT and any(result.facts.values())
                    if not (result.findings or facts):
                        record = replace(record, text="")
                    report.records[record.path] = record
                yield record.path, result

        records = report.records
        return self._gather(
            report, answered(), lambda path: records[path].text if path in records else ""
        )

    def fix(
        self,
        paths: list[str],
        unsafe: bool = False,
        write: bool = True,
        guard: Guard | None = None,
    ) -> tuple[list[FileFix], list[FixError]]:
        """`--fix` / `--diff` (lint.fix): (fixes, errors)."""
        from lint.fix import fix_paths

        return fix_paths(self, paths, unsafe, write, guard)

    def inputs(self, paths: list[str], jsonl: bool = False) -> Iterator[str | InputError]:
        """What `paths` expand to under the configuration of the working folder
        (JSON Lines files instead of text files with `jsonl`)."""
        config = self.resolver.for_path(STDIN)
        include = config.include
        if jsonl:
            include = tuple(p.replace(".txt", ".jsonl") for p in include) + ("*.jsonl",)
        return expand(paths, self.settings.discovery(config, include))

    def _start(
        self, paths: list[str], guard: Guard | None, jsonl: bool = False
    ) -> tuple[Report, list[str]]:
        """An empty report, and the inputs (the guard has seen them)."""
        report = Report(
            fail_on=self.resolver.for_path(STDIN).fail_on, column_unit=self.settings.column_unit
        )
        inputs: list[str] = []
        for item in self.inputs(paths, jsonl):
            if isinstance(item, InputError):
                report.errors.append(item)
            else:
                inputs.append(item)
        if guard is not None:
            guard(inputs)
        return report, inputs

    def _gather(
        self,
        report: Report,
        results: Iterable[tuple[str, DocumentResult | InputError]],
        text_of: Callable[[str], str],
    ) -> Report:
        """The report of every (path, result), consumed as they come: only
        findings and batch facts are kept; then the cross-document findings,
        their columns counted on `text_of(path)` (lint.columns)."""
        groups: dict[tuple, tuple[Linter, list[DocumentResult]]] = {}
        for path, result in results:
            self._add_result(report, groups, path, result)
        found = self._batch_findings(groups.values())
        report.findings.extend(columns.convert_all(found, self.settings.column_unit, text_of))
        report.findings.sort()
        if self.results is not None:
            self.results.prune_if_due()
        return report

    def _add_result(
        self,
        report: Report,
        groups: dict[tuple, tuple[Linter, list[DocumentResult]]],
        path: str,
        result: DocumentResult | InputError,
    ) -> None:
        """Keep what the report needs of one input's result: its findings, and its
        facts for the cross-document rules of its configuration's linter."""
        if isinstance(result, InputError):
            report.errors.append(result)
            return
        path = self.settings.shown(path)
        report.checked.append(path)
        report.findings.extend(result.findings)
        report.failures.extend(result.failures)
        report.words[path] = result.words
        for rule_id, seconds in result.timings.items():
            report.timings[rule_id] = report.timings.get(rule_id, 0.0) + seconds
        config = self.resolver.for_path(path)
        linter = self.linter(config)
        if config.key() not in groups:
            groups[config.key()] = (linter, [])
            for rule in linter.rules:
                report.rules.setdefault(rule.id, rule)
        if any(result.facts.values()):  # a document without facts changes no batch finding
            groups[config.key()][1].append(DocumentResult(path, [], facts=result.facts))

    def _batch_findings(
        self, groups: Iterable[tuple[Linter, list[DocumentResult]]]
    ) -> list[Finding]:
        """Cross-document findings of each group of documents sharing a
        configuration, less those the reported file's `per-file-ignores` turn off."""
        found = []
        for linter, group in groups:
            for finding in linter.resolve_batch(group):
                ignored = self.resolver.for_path(finding.path).ignored_for(finding.path)
                if not (ignored and matches_prefix(finding.rule, ignored)):
                    found.append(finding)
        return _suppressed_in_files(found, self.resolver)


# Kinds whose findings are resolved across documents, after every document ran.
BATCH_KINDS = frozenset({"batch_facts", "batch_figures", "batch_names"})


def _text_again(path: str) -> str:
    """A checked file's text, read again for the columns of its cross-document
    findings (standard input cannot be read twice: its columns stay code points)."""
    return "" if path == STDIN else reread_text(path)


def _suppressed_in_files(findings: list[Finding], resolver: ConfigResolver) -> list[Finding]:
    """Cross-document findings less those their file's suppression comments
    switch off (the file is read again: such findings are few)."""
    from lint import suppressions
    from lint.rulebook import all_rules

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


def run(
    paths: list[str],
    settings: Settings = Settings(),
    jobs: int = 1,
    guard: Guard | None = None,
) -> Report:
    """`Runner(settings).run(paths, jobs, guard)`."""
    return Runner(settings).run(paths, jobs, guard)


def effective_jobs(jobs: int, inputs: int) -> int:
    """Processes for `inputs` inputs: `jobs`, or with 0 one per core when there
    are enough inputs to pay for starting the workers (~0.1 s), else one."""
    if jobs > 0:
        return jobs
    return (os.cpu_count() or 1) if inputs >= AUTO_JOBS_MIN_INPUTS else 1


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


def check_paths(
    paths: Iterable[str | os.PathLike[str]], settings: Settings = Settings(), jobs: int = 1
) -> list[Finding]:
    """Findings for files and folders, as `newslint check` reports them."""
    return run([str(p) for p in paths], settings, jobs).findings
