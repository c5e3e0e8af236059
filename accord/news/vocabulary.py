"""The words the rules mention, read from the rule modules themselves.

The reader finds lemmas through a table of these words' forms instead of analysing every word
(see ``Token.rule_lemma``); collecting them from the source keeps the table in step with the
rules without a second list to maintain.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

_WORD = re.compile(r"[а-яё][а-яё\-]*", re.IGNORECASE)


@lru_cache(maxsize=1)
def rule_words() -> frozenset[str]:
    """Every Cyrillic word in a string constant of the news package (lower case, ё as е)."""
    words: set[str] = set()
    for path in Path(__file__).parent.rglob("*.py"):
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
    return frozenset(words)
