"""The words the news reader's rules mention, collected from the rule modules' source.

The reader loads them from ``accord/news/lexicon/rule_words.txt`` (plain data, read once);
this collector is how that list is made and checked. Run it after changing a rule:

    python tests/news/rule_words.py        # rewrites accord/news/lexicon/rule_words.txt
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NEWS = ROOT / "accord" / "news"
LIST = NEWS / "lexicon" / "rule_words.txt"
HEADER = (
    "# The words the news reader's rules mention (lower case, ё as е), one a line.\n"
    "# Forms of these words get their lemma from a table instead of a full analysis (see wordforms.py).\n"
    "# Made by `python tests/news/rule_words.py` from the string constants of accord/news; do not edit by hand.\n"
)
_WORD = re.compile(r"[а-яё][а-яё\-]*", re.IGNORECASE)


def collect() -> list[str]:
    """Every Cyrillic word in a string constant (not a docstring) of the news package, sorted."""
    words: set[str] = set()
    for path in sorted(NEWS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                for w in _WORD.findall(node.value):
                    w = w.lower().replace("ё", "е").strip("-")
                    if len(w) >= 2:
                        words.add(w)
                        words.update(p for p in w.split("-") if len(p) >= 2)
    return sorted(words)


def render(words: list[str]) -> str:
    return HEADER + "".join(f"{w}\n" for w in words)


if __name__ == "__main__":
    LIST.write_text(render(collect()), encoding="utf-8")
    print(f"wrote {len(collect())} words to {LIST.relative_to(ROOT)}", file=sys.stderr)
