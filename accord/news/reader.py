"""Reader layer: raw bytes (a file, a web page) → an ``Article`` the pipeline can read.

Detects the encoding (UTF-8, UTF-8 with BOM, cp1251, KOI8-R) with charset-normalizer,
reduces HTML to the headline and the article text with trafilatura (the headline and the
publication date from the page's own metadata when it has them), keeps a leading
``date YYYY-MM-DD`` header, and refuses empty, binary and over-size input with
``UnreadableInput`` whose ``reason`` the caller can record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024
_HTML_HINT = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|article|p|div)\b", re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_HEADER = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\b[^\n]*\n", re.IGNORECASE)
PREFERRED_ENCODINGS = ("utf_8", "cp1251", "koi8_r")


class UnreadableInput(Exception):
    """The input cannot be read as a news text; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Article:
    """A news item ready for extraction: plain text with the headline as its first line.

    ``title`` and ``date`` are what an HTML page's metadata states (``date_basis`` is then
    "metadata"); a plain text has neither, the reader finds them in the text."""

    text: str
    source: str | None = None
    title: str | None = None
    date: str | None = None
    encoding: str | None = None
    content_type: str = "text/plain"
    date_basis: str | None = None


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding name)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf_8_sig"
    try:
        return data.decode("utf-8"), "utf_8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(PREFERRED_ENCODINGS)).best()
    candidates = []
    if best is not None:
        candidates.append(best.encoding)
    candidates += [e for e in ("cp1251", "koi8_r") if e not in candidates]
    scored = []
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((_russian_score(text), enc, text))
    if not scored:
        raise UnreadableInput("cannot decode the text (unknown encoding)")
    scored.sort(key=lambda x: -x[0])
    return scored[0][2], scored[0][1]


_COMMON = ("о", "е", "а", "и", "н", "т", "с")


def _russian_score(text: str) -> float:
    """How Russian a decoded text looks: lower-case frequent letters versus capitals.

    cp1251 and KOI8-R map the same bytes to Cyrillic letters of opposite case, so the
    wrong one yields mostly capitals.
    """
    letters = [c for c in text if "а" <= c.lower() <= "я"]
    if not letters:
        return 0.0
    lower = sum(1 for c in letters if c.islower())
    common = sum(1 for c in letters if c in _COMMON)
    return (lower + 2 * common) / len(letters)


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def html_to_article(html: str) -> tuple[str | None, str, str | None]:
    """Headline, main text and publication day of an HTML page (trafilatura and the page's own
    metadata; no regex parsing of HTML)."""
    import trafilatura

    from accord.news.page import page_meta

    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True) or ""
    own = page_meta(html)
    title = own.title
    if title is None:
        meta = trafilatura.extract_metadata(html)
        title = meta.title.strip() if meta is not None and meta.title else None
    return title, body.strip(), own.date


def read_bytes(data: bytes, source: str | None = None, content_type: str | None = None) -> Article:
    """Turn raw input into an ``Article`` or raise ``UnreadableInput``."""
    if len(data) > MAX_BYTES:
        raise UnreadableInput(f"input is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if not data.strip():
        raise UnreadableInput("input is empty")
    if _looks_binary(data):
        raise UnreadableInput("input is binary, not text")
    text, encoding = decode(data)
    declared_html = (content_type or "").lower().startswith(("text/html", "application/xhtml"))
    is_html = bool(_HTML_HINT.search(data[:4096])) or (declared_html and re.search(rb"<[a-zA-Z!/]", data[:4096]))
    title = date = None
    kind = "text/plain"
    if is_html:
        kind = "text/html"
        header = _HEADER.match(text)
        title, body, date = html_to_article(text[header.end() :] if header else text)
        if not body and not title:
            raise UnreadableInput("HTML page has no article text")
        first, _, rest = body.partition("\n")
        if title and first.strip() == title:
            body = rest.strip()
        parts = [p for p in (header.group(0).rstrip("\n") if header else None, title, body) if p]
        text = "\n".join(parts)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableInput("input has no text")
    if not _CYRILLIC.search(text) and not re.search(r"[A-Za-z]{3,}", text):
        raise UnreadableInput("input has no words")
    return Article(text=text, source=source, title=title, date=date, encoding=encoding, content_type=kind,
                   date_basis="metadata" if date else None)


def read_path(path: str | Path) -> Article:
    """Read a file into an ``Article`` (size checked before reading)."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise UnreadableInput(f"cannot read file: {exc.strerror or exc}") from exc
    if not p.is_file():
        raise UnreadableInput("not a regular file")
    if size > MAX_BYTES:
        raise UnreadableInput(f"input is larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read file: {exc.strerror or exc}") from exc
    return read_bytes(data, str(path))
