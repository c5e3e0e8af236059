"""Throughput of the news reader against bare natasha, on every *.txt under a directory.

Usage: python bench/extract_speed.py DIR [--limit N] [--workers 2]

Prints docs/s and ms/doc for (1) bare natasha (segment + NER), (2) the full accord
pipeline on one core, (3) the full pipeline with N worker processes, the ratios the
targets are stated in, and the peak RSS of each process (resource.getrusage).
Models are loaded before timing starts in every process.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import time
from pathlib import Path

# «On one core»: numpy's BLAS must not spread one process over several cores.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def bare_natasha(texts: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of natasha's segmenter and NER tagger over the texts."""
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    Doc("Разогрев модели.").segment(segmenter)
    t0, c0 = time.perf_counter(), time.process_time()
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
    return time.perf_counter() - t0, time.process_time() - c0


def full_pipeline(texts: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of the full pipeline over the texts in this process."""
    from accord.news import extract, get_models

    get_models()
    extract("Минск, 1 января. Разогрев модели.")
    t0, c0 = time.perf_counter(), time.process_time()
    for text in texts:
        extract(text)
    return time.perf_counter() - t0, time.process_time() - c0


def _init_worker() -> None:
    from accord.news import extract, get_models

    get_models()
    extract("Минск, 1 января. Разогрев модели.")


_CPU = [0.0, 0]  # CPU seconds spent on documents in this worker, documents done


def _work(text: str) -> int:
    from accord.news import extract

    c0 = time.process_time()
    n = len(extract(text).persons)
    _CPU[0] += time.process_time() - c0
    _CPU[1] += 1
    return n


def _rss(_: int) -> tuple[float, float, int]:
    time.sleep(0.2)  # let every worker take one of these tasks
    return peak_rss_mb(), _CPU[0], int(_CPU[1])


def parallel(texts: list[str], workers: int) -> tuple[float, list[tuple[float, float, int]]]:
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        pool.map(_work, texts[: workers * 2], chunksize=1)  # models loaded everywhere before timing
        t0 = time.perf_counter()
        for _ in pool.imap_unordered(_work, texts, chunksize=4):
            pass
        elapsed = time.perf_counter() - t0
        rss = pool.map(_rss, range(workers), chunksize=1)
    return elapsed, rss


def line(label: str, n: int, seconds: float) -> str:
    return f"{label:34s} {n / seconds:8.1f} docs/s {1000 * seconds / n:8.1f} ms/doc"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args(argv)
    files = sorted(Path(a.dir).rglob("*.txt"))
    if a.limit:
        files = files[: a.limit]
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    if not texts:
        print(f"no *.txt under {a.dir}", file=sys.stderr)
        return 2
    chars = sum(len(t) for t in texts)
    print(f"{len(texts)} documents, {chars / 1e6:.2f} M characters")
    # Worker processes first, while this process is still small: ru_maxrss survives fork + exec,
    # so a worker started from a process holding the models would report the parent's peak.
    t_par, stats = parallel(texts, a.workers)
    t_bare, cpu_bare = bare_natasha(texts)
    print(line("bare natasha (segment + NER)", len(texts), t_bare))
    t_full, cpu_full = full_pipeline(texts)
    print(line("accord full pipeline, 1 process", len(texts), t_full))
    main_rss = peak_rss_mb()
    print(line(f"accord full pipeline, {a.workers} workers", len(texts), t_par))
    print(f"full / bare throughput:            {t_bare / t_full:.2f}x wall, {cpu_bare / cpu_full:.2f}x CPU time"
          "  (target >= 0.5x)")
    print(f"{a.workers} workers / 1 process:            {t_full / t_par:.2f}x  (target >= 1.7x)")
    # CPU seconds per document do not depend on what else the machine runs: if a worker spends
    # as much CPU per document as the single process, N idle cores give N times the throughput.
    cpu_par = sum(c for _, c, _ in stats)
    per_doc_1 = cpu_full / len(texts)
    per_doc_n = cpu_par / max(1, sum(n for _, _, n in stats))
    print(f"CPU ms/doc: 1 process {1000 * per_doc_1:.1f}, in workers {1000 * per_doc_n:.1f} "
          f"-> {a.workers} workers on idle cores: {a.workers * per_doc_1 / per_doc_n:.2f}x")
    print(f"peak RSS: main process {main_rss:.0f} MB (bare natasha + accord loaded); "
          f"workers {', '.join(f'{r:.0f}' for r, _, _ in stats)} MB (target <= 600 MB each)")
    load = os.getloadavg()
    print(f"load average during the run: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
