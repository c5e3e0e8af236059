#!/usr/bin/env python3
"""Score the news reader on labelled folders: per-field precision, recall and F1, and the headline.

Each folder holds ``<id>.txt`` items with gold objects ``<id>.json`` beside them
(``{"id", "text_file", "gold"}``, the shape of ``bench/labelled/`` and ``bench/heldout/``).
The reader runs in this process over every text; the output is scored field by field with the
extraction contract's rules (micro-averaged; the headline is the mean F1 over countries,
persons, events, documents, sectors and figures).

The scoring below re-implements the contract's scorer exactly, so nothing outside this
repository is needed; ``--scorer PATH`` scores with another copy of it instead (for instance
the shared ``score_extraction.py``), to check that the two agree.

Usage:
  python bench/score_labelled.py DIR [DIR ...] [--scorer PATH] [--json] [--verbose] [--keep-pred FILE]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

HEADLINE = ["countries", "persons", "events", "documents", "sectors", "figures"]
ACCURACIES = ["date", "title", "person.position", "person.country", "document.until"]


# --- the contract's scoring ------------------------------------------------------------------


def norm(s: Any) -> str:
    return (s or "").strip().lower().replace("ё", "е")


def last_name(name: Any) -> str:
    words = norm(name).replace(".", " ").split()
    return words[-1] if words else ""


def same_stem(a: Any, b: Any) -> bool:
    """Inflection-tolerant equality of two Russian words (Турчин ~ Турчиным)."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= max(4, len(short) - 2) and len(long_) - common <= 3


class PRF:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0


def match(gold: list[Any], pred: list[Any], eq: Any) -> tuple[list[tuple[Any, Any]], int, int]:
    """Greedy one-to-one matching: (matched pairs, unmatched predictions, unmatched gold)."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and eq(g, p):
                used.add(i)
                pairs.append((g, p))
                break
    return pairs, len(pred) - len(pairs), len(gold) - len(pairs)


def as_list(x: Any) -> list[Any]:
    return x if isinstance(x, list) else []


def close(a: Any, b: Any) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    if a == b:
        return True
    return abs(a - b) <= 0.01 * max(abs(a), abs(b))


EQ = {
    "persons": lambda g, p: (
        isinstance(p, dict) and same_stem(last_name(g.get("name")), last_name(p.get("name")))
    ),
    "events": lambda g, p: isinstance(p, dict) and g.get("type") == p.get("type"),
    "documents": lambda g, p: (
        isinstance(p, dict) and g.get("type") == p.get("type") and g.get("status") == p.get("status")
    ),
    "figures": lambda g, p: (
        isinstance(p, dict)
        and g.get("kind") == p.get("kind")
        and norm(g.get("unit")) == norm(p.get("unit"))
        and close(g.get("value"), p.get("value"))
    ),
    "quotes": lambda g, p: (
        isinstance(p, dict) and same_stem(last_name(g.get("speaker")), last_name(p.get("speaker")))
    ),
}


def score(golds: dict[str, dict[str, Any]], preds: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The contract's scores of predictions against gold objects, keyed by item id."""
    fields = {f: PRF() for f in [*HEADLINE, "quotes"]}
    acc = {k: [0, 0] for k in ACCURACIES}
    missing = []
    per_item: dict[str, dict[str, tuple[int, int, int]]] = {}
    for item_id, gold in golds.items():
        pred = preds.get(item_id)
        if pred is None or "error" in pred:
            missing.append(item_id)
            pred = {}
        item_scores = {}
        acc["date"][0] += int((pred.get("date") or None) == (gold.get("date") or None))
        acc["date"][1] += 1
        acc["title"][0] += int(norm(pred.get("title")) == norm(gold.get("title")))
        acc["title"][1] += 1
        for f in ["countries", "sectors"]:
            g = set(as_list(gold.get(f)))
            p = {x for x in as_list(pred.get(f)) if isinstance(x, str)}
            tp = len(g & p)
            fields[f].add(tp, len(p - g), len(g - p))
            item_scores[f] = (tp, len(p - g), len(g - p))
        for f in ["persons", "events", "documents", "figures", "quotes"]:
            pairs, fp, fn = match(as_list(gold.get(f)), as_list(pred.get(f)), EQ[f])
            fields[f].add(len(pairs), fp, fn)
            item_scores[f] = (len(pairs), fp, fn)
            if f == "persons":
                for g, p in pairs:
                    if g.get("position") is not None:
                        acc["person.position"][0] += int(norm(g.get("position")) == norm(p.get("position")))
                        acc["person.position"][1] += 1
                    if g.get("country") is not None:
                        acc["person.country"][0] += int(g.get("country") == p.get("country"))
                        acc["person.country"][1] += 1
            if f == "documents":
                for g, p in pairs:
                    acc["document.until"][0] += int(g.get("until") == p.get("until"))
                    acc["document.until"][1] += 1
        per_item[item_id] = item_scores
    headline = sum(fields[f].f1 for f in HEADLINE) / len(HEADLINE)
    return {
        "items": len(golds),
        "missing_or_error": missing,
        "headline_f1": round(headline, 4),
        "fields": {
            f: {
                "p": round(v.p, 4),
                "r": round(v.r, 4),
                "f1": round(v.f1, 4),
                "tp": v.tp,
                "fp": v.fp,
                "fn": v.fn,
            }
            for f, v in fields.items()
        },
        "accuracy": {k: (round(a / n, 4) if n else None, n) for k, (a, n) in acc.items()},
        "per_item": per_item,
    }


# --- running the reader ----------------------------------------------------------------------


def load_gold(folder: Path) -> dict[str, tuple[Path, dict[str, Any]]]:
    """Item id → (its text file, its gold object)."""
    out = {}
    for p in sorted(folder.glob("*.json")):
        obj = json.loads(p.read_text(encoding="utf-8"))
        out[obj["id"]] = (folder / obj.get("text_file", f"{obj['id']}.txt"), obj["gold"])
    return out


def read_items(items: dict[str, tuple[Path, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    from accord.news import UnreadableInput, extract_article, get_models, read_path

    models = get_models()
    preds = {}
    for item_id, (path, _) in items.items():
        try:
            preds[item_id] = extract_article(read_path(path), models=models).to_dict()
        except UnreadableInput as exc:
            preds[item_id] = {"source": str(path), "error": exc.reason}
    return preds


def load_scorer(path: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location("contract_scorer", Path(path).resolve())
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def print_table(title: str, result: dict[str, Any]) -> None:
    print(f"== {title}: {result['items']} items")
    print(f"{'field':16s} {'P':>6s} {'R':>6s} {'F1':>6s}    tp   fp   fn")
    for field, v in result["fields"].items():
        print(
            f"{field:16s} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f}  {v['tp']:4d} {v['fp']:4d} {v['fn']:4d}"
        )
    for key, (acc, n) in result["accuracy"].items():
        shown = "n/a" if acc is None else f"{acc:.3f}"
        print(f"{key:16s} acc={shown} (n={n})")
    if result["missing_or_error"]:
        print("missing or error:", ", ".join(result["missing_or_error"]))
    print(f"headline mean F1 over {', '.join(HEADLINE)}: {result['headline_f1']:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="+", help="labelled folders (<id>.txt and <id>.json)")
    ap.add_argument("--scorer", default=None, help="score with this copy of the contract's scorer instead")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--verbose", action="store_true", help="include per-item counts (tp, fp, fn)")
    ap.add_argument("--keep-pred", default=None, help="also write the reader's output here (JSON Lines)")
    a = ap.parse_args(argv)

    scorer = load_scorer(a.scorer) if a.scorer else None
    results = {}
    all_gold: dict[str, dict[str, Any]] = {}
    all_pred: dict[str, dict[str, Any]] = {}
    lines = []
    started = time.perf_counter()
    for d in a.dirs:
        folder = Path(d)
        items = load_gold(folder)
        if not items:
            sys.exit(f"no labelled items (*.json) in {folder}")
        preds = read_items(items)
        golds = {k: g for k, (_, g) in items.items()}
        results[str(folder)] = (scorer.score if scorer else score)(golds, preds)
        all_gold.update({f"{folder}/{k}": v for k, v in golds.items()})
        all_pred.update({f"{folder}/{k}": v for k, v in preds.items()})
        lines += [json.dumps(p, ensure_ascii=False) for p in preds.values()]
    elapsed = time.perf_counter() - started
    if len(a.dirs) > 1:
        results["all"] = (scorer.score if scorer else score)(all_gold, all_pred)
    if a.keep_pred:
        Path(a.keep_pred).write_text("\n".join(lines) + "\n", encoding="utf-8")
    if not a.verbose:
        for r in results.values():
            r.pop("per_item", None)
    if a.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        for name, r in results.items():
            print_table(name, r)
            print()
        print(f"read {len(all_pred)} items in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
