#!/usr/bin/env python3
"""Score `accord extract` on the held-out set in bench/heldout/.

Runs the extractor over bench/heldout/*.txt, writes the JSON Lines to a temporary
file and scores them against the gold objects (bench/heldout/*.json) with the shared
scorer, printing the per-field table and the headline.

Usage:
  python bench/score_heldout.py [--scorer PATH] [--accord PATH] [--verbose] [--keep-pred PATH]

--scorer defaults to ../shared/tools/score_extraction.py relative to the repository root.
Stdlib only (plus the `accord` command).
"""

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HELDOUT = REPO / "bench" / "heldout"
DEFAULT_SCORER = REPO / ".." / "shared" / "tools" / "score_extraction.py"


def load_scorer(path):
    path = Path(path).resolve()
    if not path.is_file():
        sys.exit(f"scorer not found: {path}")
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def find_accord(explicit):
    if explicit:
        return [explicit]
    venv = REPO / ".venv" / "bin" / "accord"
    if venv.exists():
        return [str(venv)]
    found = shutil.which("accord")
    if found:
        return [found]
    return [sys.executable, "-m", "accord"]


def run_extract(accord_cmd, texts, out_path):
    proc = subprocess.run(
        [*accord_cmd, "extract", *[str(t) for t in texts]],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
    )
    if proc.returncode != 0 and not proc.stdout.strip():
        sys.exit(f"accord extract failed (exit {proc.returncode}):\n{proc.stderr}")
    if proc.stderr.strip():
        print(proc.stderr.strip(), file=sys.stderr)
    Path(out_path).write_text(proc.stdout, encoding="utf-8")


def print_table(result):
    print(f"{'field':16s} {'P':>6s} {'R':>6s} {'F1':>6s}   tp  fp  fn")
    for field, v in result["fields"].items():
        print(
            f"{field:16s} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f}  {v['tp']:3d} {v['fp']:3d} {v['fn']:3d}"
        )
    for key, (acc, n) in result["accuracy"].items():
        shown = "n/a" if acc is None else f"{acc:.3f}"
        print(f"{key:16s} acc={shown} (n={n})")
    if result["missing_or_error"]:
        print("missing or error:", ", ".join(result["missing_or_error"]))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scorer", default=str(DEFAULT_SCORER), help="path to score_extraction.py")
    ap.add_argument("--accord", default=None, help="accord executable (default: the repo's .venv)")
    ap.add_argument("--gold-dir", default=str(HELDOUT), help="directory with <id>.txt and <id>.json")
    ap.add_argument("--verbose", action="store_true", help="print per-item counts (tp, fp, fn)")
    ap.add_argument("--keep-pred", default=None, help="also copy the predictions to this JSONL file")
    a = ap.parse_args(argv)

    scorer = load_scorer(a.scorer)
    gold_dir = Path(a.gold_dir)
    texts = sorted(gold_dir.glob("*.txt"))
    if not texts:
        sys.exit(f"no *.txt items in {gold_dir}")

    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(tmp) / "pred.jsonl"
        run_extract(find_accord(a.accord), texts, pred_path)
        if a.keep_pred:
            shutil.copyfile(pred_path, a.keep_pred)
        result = scorer.score(scorer.load_gold(gold_dir), scorer.load_pred(pred_path))

    print_table(result)
    if a.verbose:
        print(json.dumps(result["per_item"], ensure_ascii=False))
    headline = ", ".join(scorer.HEADLINE)
    print(f"headline mean F1 over {headline}: {result['headline_f1']:.3f} on {result['items']} items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
