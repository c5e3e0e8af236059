"""The banks whose official rates accord uses, and where each publishes them.

Each base URL can be replaced from the environment (ACCORD_NBRB_URL, ACCORD_NBKR_URL,
ACCORD_ECB_URL, documented in accord.settings) or for one run with
`accord fx update --url`: a mirror inside a closed network, or a local server in tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from accord.settings import env_str


@dataclass(frozen=True)
class Source:
    code: str
    name: str
    name_ru: str
    #: the currency the bank's rates are expressed in
    home: str
    #: True when the bank quotes foreign units per one home unit (the ECB: 1 EUR = 1.17 USD)
    indirect: bool
    default_url: str
    url_variable: str

    @property
    def url(self) -> str:
        return env_str(self.url_variable, self.default_url).rstrip("/")


SOURCES: dict[str, Source] = {
    "nbrb": Source(
        "nbrb", "National Bank of the Republic of Belarus", "Национальный банк Республики Беларусь",
        "BYN", False, "https://api.nbrb.by/exrates", "ACCORD_NBRB_URL",
    ),
    "nbkr": Source(
        "nbkr", "National Bank of the Kyrgyz Republic", "Национальный банк Кыргызской Республики",
        "KGS", False, "https://www.nbkr.kg/XML", "ACCORD_NBKR_URL",
    ),
    "ecb": Source(
        "ecb", "European Central Bank", "Европейский центральный банк",
        "EUR", True, "https://www.ecb.europa.eu/stats/eurofxref", "ACCORD_ECB_URL",
    ),
}

def get(code: str) -> Source:
    try:
        return SOURCES[code.lower()]
    except KeyError:
        raise ValueError(f"unknown source {code!r}: use one of {', '.join(SOURCES)}") from None


def preferred(currency_a: str, currency_b: str) -> list[str]:
    """Sources to try for a pair: a bank whose home currency is in the pair comes first."""
    homes = [s.code for s in SOURCES.values() if s.home in (currency_a, currency_b)]
    return homes + [code for code in SOURCES if code not in homes]
