"""Any text or bytes gives the contract's object or an error object, never an exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.news import extract_bytes

KEYS = ["source", "date", "title", "countries", "persons", "events", "documents", "sectors", "figures", "quotes"]
RUSSIAN = st.text(
    alphabet=st.sampled_from(list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕКМНОПРСТУ «»\"-–—.,:;!?%$0123456789\n")),
    max_size=300,
)
WORDS = st.lists(
    st.sampled_from([
        "Беларусь", "Кыргызстан", "подписали", "соглашение", "до", "2030", "года", "млн", "долларов", "в",
        "Минске", "Александр", "Турчин", "Турчиным", "«", "»", "–", "сказал", ":", "\n", "$", "5", "%", "на",
        "товарооборот", "визит", "переговоры", "премьер-министр", "date", "2025-09-29", ".", ",", "Б.Асад",
    ]),
    max_size=60,
).map(" ".join)


def check(obj: dict) -> None:
    assert isinstance(obj, dict)
    if "error" in obj:
        assert set(obj) == {"source", "error"} and isinstance(obj["error"], str)
    else:
        assert list(obj)[: len(KEYS)] == KEYS


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes(models, data: bytes) -> None:
    check(extract_bytes(data, "x.txt"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), RUSSIAN, WORDS))
def test_any_text(models, text: str) -> None:
    check(extract_bytes(text.encode("utf-8"), "x.txt"))
    check(extract_bytes(text.encode("utf-8", errors="replace"), "x.html", "text/html"))
