"""provkg's benchmarks: ``python -m benchmarks`` runs them all and prints the tables (see __main__).

Shared helpers: the PolNeAR corpus, percentiles, peak RSS of a process tree, plain-text tables.
"""
from __future__ import annotations

import os
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"
CORPUS = ROOT.parent / "shared" / "eval" / "polnear" / "train" / "text"


def corpus_files(n: int | None = None) -> list[Path]:
    """``n`` PolNeAR train articles spread evenly over the sorted list (every outlet is in it); all when None."""
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        raise SystemExit(f"no articles in {CORPUS}: the benchmarks read ../shared/eval/polnear/train/text/")
    if n is None or n >= len(files):
        return files
    step = len(files) / n
    return [files[int(i * step)] for i in range(n)]


def pct(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(q * (len(ordered) - 1)))))]


class PeakRSS:
    """Poll the resident memory of a process and all its children; ``peak`` bytes (a context manager).

    >>> with PeakRSS(os.getpid()) as rss:
    ...     _ = bytearray(10_000_000)
    >>> rss.peak > 10_000_000
    True
    """

    def __init__(self, pid: int, interval: float = 0.2):
        self.pid, self.interval = pid, interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> int:
        """Current RSS of the tree (also updates the peaks of the root process and of its children)."""
        import psutil

        try:
            root = psutil.Process(self.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            return 0
        sizes = []
        for proc in procs:
            try:
                sizes.append(proc.memory_info().rss)
            except psutil.Error:
                sizes.append(0)
        self.peak_root = max(self.peak_root, sizes[0])
        self.peak_children = max(self.peak_children, sum(sizes[1:]))
        return sum(sizes)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.sample())
            self._stop.wait(self.interval)

    def __enter__(self):
        self.peak_root = self.peak_children = 0
        self.peak = self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def mib(n: float) -> str:
    return f"{n / 2 ** 20:,.0f} MiB"


def table(title: str, headers: list[str], rows: list[list], notes: list[str] = ()) -> str:
    """A plain-text table: a title line, aligned columns (numbers right-aligned), optional notes."""
    cells = [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    numeric = [all(isinstance(r[i], (int, float)) or r[i] in (None, "-") for r in rows) for i in range(len(headers))]

    def line(values):
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)).rstrip()

    out = [title, line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    out += [f"  {n}" for n in notes]
    return "\n".join(out)


def _fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        if abs(value) >= 100:
            return f"{value:,.0f}"
        if abs(value) >= 10:
            return f"{value:.1f}"
        return f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def log(message: str) -> None:
    """Progress on stderr (tables go to stdout)."""
    import sys

    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def env_note() -> str:
    import platform

    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    return f"{platform.python_version()} on {os.cpu_count()} cores, load average {load:.1f} at start"
