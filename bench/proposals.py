"""How good are the proposals? Precision and recall per kind on a labelled set, and of the review queue.

    python bench/proposals.py                 # both parts: tuning and blind
    python bench/proposals.py --part tune     # only the part the weights were set on
    python bench/proposals.py --show t01_lifts_contract.txt

Loads the shipped example (as of the labels' day) into a fresh SQLite database, ingests
``bench/proposals/items/`` with the real ingest run, and compares the proposals stored
(what the review queue shows) with ``bench/proposals/labels.json``: the proposals a desk
officer would accept. Then it scores every candidate again without a threshold, from
the reader's dates and from the labelled dates, to print precision and recall at other
thresholds and how often a proposal at each score was right (what a score means).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from sqlalchemy import select  # noqa: E402

from accord.demo.example import load_example  # noqa: E402
from accord.ingest.catalog import Catalog  # noqa: E402
from accord.ingest.propose import candidates, propose  # noqa: E402
from accord.ingest.propose_load import item_facts  # noqa: E402
from accord.ingest.propose_model import DateBasis, Dating, ItemFacts, Proposal, Record  # noqa: E402
from accord.ingest.propose_weights import WEIGHTS  # noqa: E402
from accord.ingest.run import Ingestor  # noqa: E402
from accord.news.model import Extraction  # noqa: E402
from accord.store import migrate  # noqa: E402
from accord.store.db import Database  # noqa: E402
from accord.store.models import Agreement, Evidence, Measure, Project, SourceItem  # noqa: E402

SET = ROOT / "proposals"
KINDS = (
    "measure_progress",
    "measure_evidence",
    "agreement_signed",
    "agreement_negotiating",
    "agreement_evidence",
    "project_evidence",
    "new_agreement",
)


@dataclass(frozen=True, slots=True)
class Made:
    """A proposal as the benchmark compares it: kind, and the target's number, title or document."""

    kind: str
    target: str  # "2.3", an agreement's or project's title, or "contract BY-KG"
    score: float
    on: str | None = None


@dataclass
class Tally:
    right: Counter[str] = field(default_factory=Counter)
    made: Counter[str] = field(default_factory=Counter)
    wanted: Counter[str] = field(default_factory=Counter)
    dates_right: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, name: str, made: list[Made], accept: list[dict[str, Any]]) -> None:
        open_labels = list(accept)
        for m in made:
            self.made[m.kind] += 1
            label = next((a for a in open_labels if _matches(m, a)), None)
            if label is None:
                self.wrong.append(f"{name}: {m.kind} {m.target} ({m.score:.2f})")
                continue
            open_labels.remove(label)
            self.right[m.kind] += 1
            if m.kind == "new_agreement" and m.on == label.get("on"):
                self.dates_right += 1
        for a in accept:
            self.wanted[a["kind"]] += 1
        self.missed += [f"{name}: {a['kind']} {_label_target(a)}" for a in open_labels]

    def table(self, title: str) -> str:
        lines = [
            title,
            f"  {'kind':24} {'labelled':>8} {'made':>5} {'right':>5} {'precision':>9} {'recall':>6}",
        ]
        for kind in KINDS:
            if self.wanted[kind] or self.made[kind]:
                lines.append(self._row(kind, self.wanted[kind], self.made[kind], self.right[kind]))
        total = (sum(self.wanted.values()), sum(self.made.values()), sum(self.right.values()))
        lines.append(self._row("review queue (all kinds)", *total))
        return "\n".join(lines)

    @staticmethod
    def _row(kind: str, wanted: int, made: int, right: int) -> str:
        precision = f"{right / made:.2f}" if made else "-"
        recall = f"{right / wanted:.2f}" if wanted else "-"
        return f"  {kind:24} {wanted:>8} {made:>5} {right:>5} {precision:>9} {recall:>6}"


def _matches(made: Made, label: dict[str, Any]) -> bool:
    if made.kind != label["kind"]:
        return False
    return _label_target(label) in made.target if "measure" not in label else made.target == label["measure"]


def _label_target(label: dict[str, Any]) -> str:
    if "measure" in label:
        return label["measure"]
    if "agreement" in label:
        return label["agreement"]
    if "project" in label:
        return label["project"]
    return f"{label['type']} {'-'.join(label['parties'])}"


class Names:
    """Targets by id, so proposals read as the labels do."""

    def __init__(self, db: Database) -> None:
        with db.reading() as session:
            self.measures = {r.id: r.number for r in session.execute(select(Measure.id, Measure.number))}
            self.agreements = {r.id: r.title for r in session.execute(select(Agreement.id, Agreement.title))}
            self.projects = {r.id: r.title for r in session.execute(select(Project.id, Project.title))}

    def of(self, target: str | None, target_id: int | None, fact: dict[str, Any] | None) -> str:
        if target == "measure" and target_id is not None:
            return self.measures[target_id]
        if target == "agreement" and target_id is not None:
            return self.agreements[target_id]
        if target == "project" and target_id is not None:
            return self.projects[target_id]
        fact = fact or {}
        doc = fact.get("document") or {}
        return f"{doc.get('type')} {'-'.join(fact.get('parties') or [])}"

    def made(self, p: Proposal) -> Made:
        return Made(p.kind, self.of(p.target, p.target_id, p.fact), p.score, (p.fact or {}).get("on"))


def load(db: Database, today: date, folder: Path) -> None:
    migrate.upgrade(db)
    load_example(db, today)
    with Ingestor(db, "accord-bench") as ingestor:
        summary = ingestor.run([str(folder)])
    if summary.failed:
        db.dispose()
        raise SystemExit(f"ingest failed: {summary.failed}")


def stored(db: Database, names: Names) -> dict[str, list[Made]]:
    """The proposals the review queue shows, per item file."""
    out: dict[str, list[Made]] = {}
    with db.reading() as session:
        for item in session.scalars(select(SourceItem)):
            out[Path(item.url or "").name] = []
        for e in session.scalars(select(Evidence).where(Evidence.state == "proposed")):
            name = Path(e.source_item.url or "").name
            target = e.target
            made = Made(
                e.proposal or "",
                names.of(target[0] if target else None, target[1] if target else None, e.fact),
                e.score or 0.0,
                (e.fact or {}).get("on"),
            )
            out[name].append(made)
    return out


def facts(db: Database, labels: dict[str, Any], from_labels: bool) -> tuple[Record, dict[str, ItemFacts]]:
    """Every item's facts as ingest saw them, with the reader's dates or with the labelled ones."""
    with db.reading() as session:
        catalog = Catalog.load(session)
        out = {}
        for item in session.scalars(select(SourceItem)):
            name = Path(item.url or "").name
            extraction = Extraction.from_dict(item.extraction or {})
            if from_labels:
                label = labels[name]
                day = date.fromisoformat(label["date"]) if label["date"] else None
                dating = Dating(day, DateBasis(label["date_basis"]) if label["date_basis"] else None)
            else:
                basis = DateBasis(item.date_basis) if item.date_basis else None
                dating = Dating(item.published_on, basis)
            orgs = catalog.orgs.find(item.text, extraction.countries)
            out[name] = item_facts(item.text, item.title, extraction, dating, orgs, catalog.orgs.labels)
    return catalog.record, out


def sweep(
    record: Record, items: dict[str, ItemFacts], labels: dict[str, Any], names: Names, part: str
) -> tuple[str, list[tuple[float, bool]]]:
    """Precision and recall of the queue at other thresholds, and every candidate with its verdict."""
    scored: list[tuple[float, bool]] = []
    rows = [f"  {'threshold':>9} {'made':>5} {'right':>5} {'precision':>9} {'recall':>6}"]
    per_item = {name: [names.made(p) for p in candidates(record, f)] for name, f in items.items()}
    wanted = sum(len(labels[n]["accept"]) for n in items if labels[n]["part"] == part)
    for name, made in per_item.items():
        if labels[name]["part"] != part:
            continue
        open_labels = list(labels[name]["accept"])
        for m in sorted(made, key=lambda m: -m.score):
            label = next((a for a in open_labels if _matches(m, a)), None)
            if label is not None:
                open_labels.remove(label)
            scored.append((m.score, label is not None))
    for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        chosen = [ok for score, ok in scored if score >= threshold]
        right = sum(chosen)
        precision = f"{right / len(chosen):.2f}" if chosen else "-"
        recall = f"{right / wanted:.2f}" if wanted else "-"
        rows.append(f"  {threshold:>9.2f} {len(chosen):>5} {right:>5} {precision:>9} {recall:>6}")
    return "\n".join(rows), scored


MODELS = {"measure": "measure", "agreement": "agreement", "project": "project", None: "new_agreement"}


def fit(record: Record, items: dict[str, ItemFacts], labels: dict[str, Any], names: Names, l2: float) -> str:
    """Logistic weights fitted on the tuning part's candidates (L2-regularised), beside the shipped ones."""
    samples: dict[str, list[tuple[dict[str, float], bool]]] = {m: [] for m in MODELS.values()}
    for name, f in items.items():
        if labels[name]["part"] != "tune":
            continue
        open_labels = list(labels[name]["accept"])
        for p in candidates(record, f):
            label = next((a for a in open_labels if _matches(names.made(p), a)), None)
            if label is not None:
                open_labels.remove(label)
            samples[MODELS[p.target]].append((p.features, label is not None))
    out = []
    for model, rows in samples.items():
        shipped = getattr(WEIGHTS, model)
        bias, weights = _logistic(rows, list(shipped.weights), l2)
        out.append(f"  {model}: {len(rows)} candidates, {sum(ok for _, ok in rows)} right")
        out.append(f"    {'bias':14} shipped {shipped.bias:6.2f}  fitted {bias:6.2f}")
        for feature in shipped.weights:
            out.append(
                f"    {feature:14} shipped {shipped.weights[feature]:6.2f}  fitted {weights[feature]:6.2f}"
            )
    return "\n".join(out)


def _logistic(
    rows: list[tuple[dict[str, float], bool]],
    names: list[str],
    l2: float,
    steps: int = 4000,
    rate: float = 0.5,
) -> tuple[float, dict[str, float]]:
    """Plain gradient descent on the mean log loss, the weights (not the bias) held towards zero."""
    bias, weights = 0.0, dict.fromkeys(names, 0.0)
    n = max(len(rows), 1)
    for _ in range(steps):
        grad_b, grad = 0.0, dict.fromkeys(names, 0.0)
        for features, ok in rows:
            z = bias + sum(weights[k] * v for k, v in features.items())
            error = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0))) - float(ok)
            grad_b += error / n
            for k, v in features.items():
                grad[k] += error * v / n
        bias -= rate * grad_b
        for k in names:
            weights[k] -= rate * (grad[k] + l2 * weights[k] / n)
    return bias, weights


def calibration(scored: Iterable[tuple[float, bool]]) -> str:
    bands = [(0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01)]
    rows = [f"  {'score':>11} {'candidates':>10} {'right':>5} {'share right':>11}"]
    scored = list(scored)
    for low, high in bands:
        inside = [ok for score, ok in scored if low <= score < high]
        share = f"{sum(inside) / len(inside):.2f}" if inside else "-"
        rows.append(f"  {low:.2f}–{min(high, 1.0):.2f} {len(inside):>10} {sum(inside):>5} {share:>11}")
    return "\n".join(rows)


def show(db: Database, labels: dict[str, Any], names: Names, name: str) -> None:
    for from_labels in (False, True):
        record, items = facts(db, labels, from_labels)
        f = items[name]
        print(f"== {name} ({'labelled' if from_labels else 'reader'} date: {f.dating.describe()})")
        if not from_labels:
            print("title:", f.title)
            keep = ("countries", "events", "documents", "sectors")
            stored = f.extraction.to_dict()
            print(json.dumps({k: stored.get(k) for k in keep}, ensure_ascii=False))
        outcome = propose(record, f)
        for p in candidates(record, f):
            shown = "*" if p in outcome.proposals else " "
            print(f" {shown} {p.score:.2f} {p.kind} {names.made(p).target[:50]} | {p.reason}")
        for note in outcome.notes:
            print("   note:", note)
    print("labelled:", labels[name]["accept"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=("tune", "blind", "all"), default="all")
    parser.add_argument("--show", metavar="ITEM", help="candidates and notes of one item")
    parser.add_argument(
        "--fit", action="store_true", help="fit the weights on the tuning part and print them"
    )
    parser.add_argument("--l2", type=float, default=2.0, help="how strongly --fit holds weights towards zero")
    parser.add_argument("--verbose", action="store_true", help="list the wrong and the missed proposals")
    parser.add_argument("--keep", type=Path, help="keep the database here (and reuse it if it exists)")
    args = parser.parse_args()
    spec = json.loads((SET / "labels.json").read_text(encoding="utf-8"))
    labels: dict[str, Any] = spec["items"]
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.db"
        fresh = not path.exists()
        db = Database(f"sqlite:///{path}")
        if fresh:
            try:
                load(db, date.fromisoformat(spec["today"]), SET / "items")
            except BaseException:
                path.unlink(missing_ok=True)
                raise
        names = Names(db)
        if args.show:
            show(db, labels, names, args.show)
            return
        if args.fit:
            for from_labels in (False, True):
                record, items = facts(db, labels, from_labels)
                how = "labelled dates" if from_labels else "reader's dates"
                print(
                    f"weights fitted on the tuning part, {how}:\n{fit(record, items, labels, names, args.l2)}"
                )
            return
        parts = ("tune", "blind") if args.part == "all" else (args.part,)
        queue = stored(db, names) if fresh else None
        for part in parts:
            chosen = {n: v for n, v in labels.items() if v["part"] == part}
            print(
                f"\n### {part} part: {len(chosen)} items, {sum(len(v['accept']) for v in chosen.values())} labels"
            )
            for from_labels in (False, True):
                record, items = facts(db, labels, from_labels)
                tally = Tally()
                for name, label in chosen.items():
                    if queue is not None and not from_labels:
                        made = queue[name]
                    else:
                        made = [names.made(p) for p in propose(record, items[name]).proposals]
                    tally.add(name, made, label["accept"])
                how = "labelled dates" if from_labels else "reader's dates"
                print("\n" + tally.table(f"review queue, {how} (thresholds as shipped)"))
                print(
                    f"  new entries with the right date: {tally.dates_right} of {tally.right['new_agreement']}"
                )
                if args.verbose:
                    print("  wrong:", *tally.wrong, sep="\n    ") if tally.wrong else None
                    print("  missed:", *tally.missed, sep="\n    ") if tally.missed else None
                rows, scored = sweep(record, items, labels, names, part)
                print(f"\n  every candidate by threshold, {how}:\n{rows}")
                print(f"\n  what a score means, {how}:\n{calibration(scored)}")
        db.dispose()
    print(f"\nshown thresholds: {dict(WEIGHTS.shown.by_kind)} (default {WEIGHTS.shown.default})")


if __name__ == "__main__":
    main()
