"""`UNSET`: "leave this field as it is" in an edit, as distinct from None, "clear it"."""

from __future__ import annotations

from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")


class Unset(Enum):
    UNSET = "unset"

    def __repr__(self) -> str:
        return "UNSET"


UNSET = Unset.UNSET


def given(**fields: Any) -> dict[str, Any]:
    """The fields of an edit that were given (UNSET left out)."""
    return {k: v for k, v in fields.items() if v is not UNSET}
