"""Document-level persons on NEREL's test split: accord against bare natasha, in one run.

Usage: python bench/persons_nerel.py PATH_TO_NEREL [--split test] [--limit N]

For each document the gold persons are the distinct last words of its PERSON spans
(inflection-tolerant, as the extraction scorer compares names); a lone first name that is
the first word of another PERSON span of the document is the same person.  Both systems'
person lists are reduced the same way and matched one-to-one by last word.

Bare natasha: segment, morph-tag, NER, ``span.normalize``; mentions merged by equal
normalised surname.  accord: ``accord.news.extract(text).persons``.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from accord.morphology import analyser  # noqa: E402
from accord.news import extract, get_models  # noqa: E402
from accord.news.names import norm, same_stem  # noqa: E402


def last_word(name: str) -> str:
    words = norm(name).replace(".", " ").split()
    return words[-1] if words else ""


PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овна|евна|ична|инична)(?:а|у|ем|ом|е|ой|ы|у)?$")


def reduce_people(names: list[str]) -> list[str]:
    """Distinct last words of the people named.

    A lone first name, or a first name with a patronymic (``Александру Максовичу``), that
    matches the first name of a fuller name in the same document is that person again.
    """
    firsts = [norm(n).split()[0] for n in names if len(n.split()) > 1 and not PATRONYMIC.search(norm(n))]
    out: list[str] = []
    for n in names:
        words = norm(n).replace(".", " ").split()
        if not words:
            continue
        if len(words) == 1 and any(same_stem(words[0], f) for f in firsts):
            continue
        if len(words) == 2 and PATRONYMIC.search(words[1]) and any(same_stem(words[0], f) for f in firsts):
            continue
        lw = words[-1]
        if not any(same_stem(lw, o) for o in out):
            out.append(lw)
    return out


def gold_people(ann: Path) -> list[str]:
    names = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[0].startswith("T") and parts[1].split(" ")[0] == "PERSON":
            names.append(parts[2])
    return reduce_people(names)


def score(gold: list[str], pred: list[str]) -> tuple[int, int, int]:
    used: set[int] = set()
    tp = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and same_stem(g, p):
                used.add(i)
                tp += 1
                break
    return tp, len(pred) - tp, len(gold) - tp


class BareNatasha:
    """natasha as documented: NER spans normalised with the morph tagger, merged by surname."""

    def __init__(self) -> None:
        from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

        emb = NewsEmbedding()
        self.segmenter = Segmenter()
        self.morph_tagger = NewsMorphTagger(emb)
        self.ner_tagger = NewsNERTagger(emb)
        self.vocab = analyser()  # natasha's MorphVocab, the one the process already holds

    def persons(self, text: str) -> list[str]:
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph_tagger)
        doc.tag_ner(self.ner_tagger)
        merged: dict[str, str] = {}
        for span in doc.spans:
            if span.type != "PER":
                continue
            span.normalize(self.vocab)
            name = span.normal or span.text
            merged.setdefault(last_word(name), name)
        return list(merged.values())


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("nerel")
    ap.add_argument("--split", default="test")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=0, help="print the N documents where the systems differ most")
    a = ap.parse_args(argv)
    files = sorted((Path(a.nerel) / a.split).glob("*.txt"))
    if a.limit:
        files = files[: a.limit]
    if not files:
        print(f"no *.txt under {Path(a.nerel) / a.split}", file=sys.stderr)
        return 2
    bare = BareNatasha()
    get_models()
    totals = {"accord": [0, 0, 0], "natasha": [0, 0, 0]}
    diffs = []
    t0 = time.perf_counter()
    for f in files:
        text = f.read_text(encoding="utf-8")
        gold = gold_people(f.with_suffix(".ann"))
        ours = reduce_people([p.name for p in extract(text, source=str(f)).persons])
        theirs = reduce_people(bare.persons(text))
        for key, pred in (("accord", ours), ("natasha", theirs)):
            s = score(gold, pred)
            for k in range(3):
                totals[key][k] += s[k]
        diffs.append((f.name, gold, ours, theirs))
    elapsed = time.perf_counter() - t0
    print(f"NEREL {a.split}: {len(files)} documents, document-level persons (last names, inflection-tolerant)")
    print(f"{'system':10s} {'P':>6s} {'R':>6s} {'F1':>6s}   tp   fp   fn")
    f1 = {}
    for key, (tp, fp, fn) in totals.items():
        p, r, f = prf(tp, fp, fn)
        f1[key] = f
        print(f"{key:10s} {p:6.3f} {r:6.3f} {f:6.3f} {tp:4d} {fp:4d} {fn:4d}")
    print(f"accord - natasha F1: {f1['accord'] - f1['natasha']:+.3f}   ({elapsed:.1f} s)")
    for name, gold, ours, theirs in diffs[: a.show] if a.show else []:
        if set(ours) != set(theirs):
            print(name, "gold", gold, "\n  accord", ours, "\n  natasha", theirs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
