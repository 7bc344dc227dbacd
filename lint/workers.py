"""`-j N`: inputs checked in worker processes that may die.

Each worker is a process with a pipe of its own, so the parent always knows
which inputs a worker holds. When one dies (SIGKILL from the out-of-memory
killer, a crash in C code) the input it was checking is reported as failed and
the others it held go to a fresh worker: every other result is kept. The
input that was being checked is not tried again, neither in a new worker nor
in the parent: what killed one process would most likely kill the next, and
in the parent it would end the whole run. A `MemoryError` inside a worker
fails only that input too (see `Runner.check_safely`).

Workers exit with the parent: on Linux the kernel kills them when it dies
(PR_SET_PDEATHSIG), elsewhere a thread in each worker watches the parent's
pid; and a worker waiting for work leaves when its pipe closes. So a killed
`newslint` leaves no process behind holding its terminal or a CI step's stderr.

Results come back in input order, whatever order the workers finish in, and
at most a bounded number of inputs are read ahead of the one reported next.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any

from lint.sources import InputError

if TYPE_CHECKING:
    from lint.engine import DocumentResult
    from lint.runner import Runner, Settings

# Test hooks (read by the worker only): a worker kills itself with SIGKILL when
# it reaches an input whose path contains NEWSLINT_TEST_WORKER_DIES_ON; with
# NEWSLINT_TEST_WORKER_MEMORY=N, a worker's address space is limited to N bytes
# above what it uses at start, so that a large input raises a real MemoryError.
DIES_ON_ENV = "NEWSLINT_TEST_WORKER_DIES_ON"
MEMORY_ENV = "NEWSLINT_TEST_WORKER_MEMORY"

PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class _Raised:
    """A configuration or pack error met in a worker, to be raised by the parent."""

    message: str


@dataclass
class _Worker:
    process: multiprocessing.Process
    conn: Connection  # the parent's end
    held: deque = field(default_factory=deque)  # (index, path, text) sent, not answered


def _die_with_parent(parent: int) -> None:
    """Make this process end when `parent` does."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
        else:
            if os.getppid() != parent:  # it died before prctl took effect
                os._exit(1)
            return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _limit_memory(headroom: int) -> None:
    import resource

    with open("/proc/self/statm") as fh:
        used = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (used + headroom, resource.RLIM_INFINITY))


def _worker_main(conn: Connection, settings: Settings, parent: int) -> None:
    _die_with_parent(parent)
    # Ctrl-C reaches the whole process group: the parent stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    from lint.runner import Runner

    runner = Runner(settings)
    dies_on = os.environ.get(DIES_ON_ENV)
    if os.environ.get(MEMORY_ENV):
        _limit_memory(int(os.environ[MEMORY_ENV]))
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if batch is None:
            return
        for index, path, text in batch:
            if dies_on and dies_on in path:
                os.kill(os.getpid(), signal.SIGKILL)
            result: DocumentResult | InputError | _Raised
            try:
                result = runner.check_safely(path, text)
            except Exception as exc:  # a configuration or pack error: the parent raises it
                result = _Raised(str(exc))
            conn.send((index, result))


def _death(process: multiprocessing.Process) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        hint = " (out of memory?)" if -code == signal.SIGKILL else ""
        return f"killed by {name}{hint}"
    return f"exited with status {code}"


class _Pool:
    """Workers, each fed batches of inputs through its own pipe."""

    def __init__(self, size: int, settings: Settings) -> None:
        methods = multiprocessing.get_all_start_methods()
        # fork: workers inherit the compiled rules instead of compiling them again.
        self.context: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.settings = settings
        self.workers = [self._start() for _ in range(size)]

    def _start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe()
        process = self.context.Process(
            target=_worker_main, args=(child_end, self.settings, os.getpid()), daemon=True
        )
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    def replace(self, worker: _Worker) -> None:
        worker.conn.close()
        worker.process.join(timeout=5)
        self.workers[self.workers.index(worker)] = self._start()

    def close(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
            worker.conn.close()
        deadline = time.monotonic() + 5
        for worker in self.workers:
            worker.process.join(timeout=max(0.0, deadline - time.monotonic()))

    def kill(self) -> None:
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.kill()
            worker.conn.close()
        for worker in self.workers:
            worker.process.join(timeout=5)


def check_in_workers(
    items: Iterable[tuple[str, str | None]], runner: Runner, workers: int, batch: int = 16
) -> Iterator[DocumentResult | InputError]:
    """`runner.check_safely(path, text)` for each item, in order, in `workers`
    processes, each with a `Runner` of the same settings. Standard input (path
    "-" without a text) is read here."""
    source = enumerate(items)
    waiting: deque = deque()  # (index, path, text) read, not sent
    done: dict[int, Any] = {}  # results waiting for their turn
    next_out = 0
    read = 0  # items taken from `source`
    exhausted = False
    ahead = workers * batch * 4  # items read beyond the next one to report, at most
    pool = _Pool(workers, runner.settings)
    try:
        while True:
            while not exhausted and read - next_out < ahead:
                try:
                    index, (path, text) = next(source)
                except StopIteration:
                    exhausted = True
                    break
                read += 1
                if path == "-" and text is None:
                    done[index] = runner.check_safely(path, None)
                else:
                    waiting.append((index, path, text))
            for worker in pool.workers:
                if not worker.held and waiting:
                    sent = [waiting.popleft() for _ in range(min(batch, len(waiting)))]
                    try:
                        worker.conn.send(sent)
                    except OSError:  # it died idle: nothing of these was checked
                        waiting.extendleft(reversed(sent))
                        pool.replace(worker)
                    else:
                        worker.held.extend(sent)
            while next_out in done:
                result = done.pop(next_out)
                if isinstance(result, _Raised):
                    from lint.config import ConfigError

                    raise ConfigError(result.message)
                yield result
                next_out += 1
            if exhausted and next_out == read:
                return
            busy = [w for w in pool.workers if w.held]
            if not busy:
                continue
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
            for worker in busy:
                if worker.conn in ready or worker.process.sentinel in ready:
                    _collect(worker, pool, done, waiting)
    except BaseException:
        pool.kill()
        raise
    else:
        pool.close()


def _collect(worker: _Worker, pool: _Pool, done: dict, waiting: deque) -> None:
    """Take every answer a worker has sent; if it died, fail the input it was
    checking and give the rest of what it held back to be sent again."""
    try:
        while worker.conn.poll():
            index, result = worker.conn.recv()
            held = worker.held.popleft()
            assert held[0] == index, (held[0], index)
            done[index] = result
    except (EOFError, OSError):
        pass
    else:
        if worker.process.is_alive():
            return
    if not worker.held:
        pool.replace(worker)
        return
    worker.process.join(timeout=5)
    index, path, _ = worker.held.popleft()
    done[index] = InputError(
        path,
        f"the worker process checking it was {_death(worker.process)}; "
        "not tried again, the other inputs are reported",
        "crashed",
    )
    waiting.extendleft(reversed(worker.held))
    worker.held.clear()
    pool.replace(worker)
