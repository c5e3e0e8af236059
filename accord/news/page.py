"""What a web page says about its own article: headline and publication date from its metadata.

Pages state these for search engines and social networks: JSON-LD (``NewsArticle.headline``,
``datePublished``), Open Graph and article tags (``og:title``, ``article:published_time``) and
microdata (``itemprop="datePublished"``).  When present they are more reliable than anything read
from the text, so the reader takes them first.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_ARTICLE_TYPES = frozenset({"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
                            "report", "webpage"})
_DATE_PROPERTIES = ("article:published_time", "og:published_time", "published_time", "datepublished",
                    "date", "pubdate", "dc.date", "dcterms.created")
_TITLE_PROPERTIES = ("og:title", "twitter:title")


@dataclass(frozen=True, slots=True)
class PageMeta:
    title: str | None = None
    date: str | None = None  # ISO day


def page_meta(html: str) -> PageMeta:
    """Headline and publication day from the page's metadata (each None when the page states none)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return PageMeta()
    ld_title, ld_date = _json_ld(root)
    metas: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in metas:
            metas[key] = value
    for el in root.iter("time"):
        if (el.get("itemprop") or "").lower() == "datepublished" and el.get("datetime"):
            metas.setdefault("datepublished", el.get("datetime") or "")
    title = ld_title or next((metas[k] for k in _TITLE_PROPERTIES if metas.get(k)), None)
    date = ld_date or next((d for k in _DATE_PROPERTIES if (d := _day(metas.get(k)))), None)
    return PageMeta(_clean(title), date)


def _json_ld(root: Any) -> tuple[str | None, str | None]:
    title = date = None
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for obj in _objects(data):
            types = obj.get("@type")
            names = {str(t).lower() for t in (types if isinstance(types, list) else [types])}
            if not names & _ARTICLE_TYPES:
                continue
            if title is None and isinstance(obj.get("headline"), str):
                title = obj["headline"]
            if date is None:
                date = _day(obj.get("datePublished"))
    return title, date


def _objects(data: Any) -> list[dict[str, Any]]:
    """Every JSON object in a JSON-LD block, ``@graph`` members included."""
    out: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            out.append(item)
            if "@graph" in item:
                stack.append(item["@graph"])
    return out


def _day(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    m = _ISO_DAY.match(value)
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _clean(title: str | None) -> str | None:
    if title is None:
        return None
    title = " ".join(title.split())
    return title or None
