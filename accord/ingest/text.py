"""Pure helpers that decide identity before any language processing runs.

An item is known by its canonical URL and by the hash of its normalised text, so
the same story fetched twice (or re-served with new tracking parameters,
different whitespace or typographic quotes) costs one lookup, not a parse.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

#: query parameters that track the reader, not the page
TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|yclid|mc_cid|mc_eid|_openstat|from|ref|rss)$", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_TRANSLATE = str.maketrans(
    {"ё": "е", "Ё": "Е", "«": '"', "»": '"', "„": '"', "“": '"', "”": '"', "–": "-", "—": "-"}
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
#: letters of Kyrgyz (and Kazakh) Cyrillic that Russian does not use
_KYRGYZ = re.compile(r"[өүңҮӨҢәғқһі]", re.IGNORECASE)


def normalise(text: str) -> str:
    """The text as compared for identity: NFC, ё→е, plain quotes and dashes, single spaces, lower case."""
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    return _SPACE.sub(" ", text).strip().lower()


def text_hash(text: str) -> str:
    """SHA-256 of the normalised text (hex)."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def canonical_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, fragment or tracking parameters.

    Query parameters that remain are sorted, and a trailing slash is dropped from paths
    other than the root, so links copied from a feed, a browser and a share button agree.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/")
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k))
    )
    return urlunsplit((scheme, host, path, query, ""))


def file_url(path: Path) -> str:
    """A file's key: its absolute path as a file:// URL."""
    return path.resolve().as_uri()


def is_url(arg: str) -> bool:
    return arg.startswith(("http://", "https://"))


def language(text: str) -> str | None:
    """ "ru" for Russian, "ky" for Kyrgyz, "other" for text in another script, None if there are no words.

    Decided by letters, not by a model: Cyrillic words with no Kyrgyz-only letters are Russian.
    """
    words = _WORD.findall(text[:20000])
    letters = sum(len(w) for w in words)
    if not letters:
        return None
    cyrillic = sum(len(_CYRILLIC.findall(w)) + len(_KYRGYZ.findall(w)) for w in words)
    if cyrillic < letters * 0.5:
        return "other"
    if len(_KYRGYZ.findall(text[:20000])) > cyrillic * 0.01:
        return "ky"
    return "ru"


def words(text: str) -> list[str]:
    """Lower-case words (letters only), ё→е."""
    return [w.lower().replace("ё", "е") for w in _WORD.findall(text)]


def shingles(text: str, size: int = 3) -> set[int]:
    """Hashes of overlapping word triples: two texts telling one story share many of them."""
    ws = words(text)
    if len(ws) < size:
        return {hash(" ".join(ws))} if ws else set()
    return {hash(" ".join(ws[i : i + size])) for i in range(len(ws) - size + 1)}


def resemblance(a: set[int], b: set[int]) -> float:
    """Jaccard similarity of two shingle sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
