"""Where leads come from: countries, their share of leads, language and conventions.

The shares lean on the US, as Caterpillar's lead volume does. Each language is one
the guide lists for systemLanguage (or en_US); countries whose language the guide
does not list get en_US, the language of cat.com's English site.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final


@dataclass(frozen=True, slots=True)
class Country:
    """One source country of leads and how its contact data looks."""

    code: str
    name: str
    faker_locale: str
    weight: float
    calling_code: str
    languages: tuple[tuple[str, float], ...]
    tld: str
    state_method: str = "administrative_unit"
    city_method: str = "city"
    family_name_first: bool = False
    name_separator: str = " "
    pool_size: int = 60


COUNTRIES: Final[tuple[Country, ...]] = (
    Country(
        "US",
        "United States of America",
        "en_US",
        55,
        "1",
        (("en_US", 92), ("es_US", 8)),
        "com",
        state_method="state_abbr",
        pool_size=300,
    ),
    Country(
        "CA",
        "Canada",
        "en_CA",
        7,
        "1",
        (("en_US", 85), ("fr_FR", 15)),
        "ca",
        state_method="province_abbr",
        pool_size=120,
    ),
    Country(
        "MX",
        "Mexico",
        "es_MX",
        4,
        "52",
        (("es_MX", 1),),
        "com.mx",
        state_method="state_abbr",
        pool_size=120,
    ),
    Country(
        "BR",
        "Brazil",
        "pt_BR",
        4,
        "55",
        (("pt_BR", 1),),
        "com.br",
        state_method="estado_sigla",
        pool_size=120,
    ),
    Country(
        "AU",
        "Australia",
        "en_AU",
        4,
        "61",
        (("en_US", 1),),
        "com.au",
        state_method="state_abbr",
        pool_size=120,
    ),
    Country(
        "GB",
        "United Kingdom",
        "en_GB",
        4,
        "44",
        (("en_US", 1),),
        "co.uk",
        state_method="county",
        pool_size=120,
    ),
    Country(
        "CN",
        "China",
        "zh_CN",
        5,
        "86",
        (("zh_CN", 1),),
        "cn",
        state_method="province",
        city_method="city_name",
        family_name_first=True,
        name_separator="",
        pool_size=120,
    ),
    Country("DE", "Germany", "de_DE", 3, "49", (("en_US", 1),), "de", "state"),
    Country("FR", "France", "fr_FR", 2, "33", (("fr_FR", 1),), "fr", "region"),
    Country("ES", "Spain", "es_ES", 2, "34", (("es_ES", 1),), "es", "region"),
    Country("ZA", "South Africa", "zu_ZA", 2, "27", (("en_ZA", 1),), "co.za"),
    Country(
        "JP",
        "Japan",
        "ja_JP",
        2,
        "81",
        (("ja_JP", 1),),
        "co.jp",
        state_method="prefecture",
        family_name_first=True,
    ),
    Country("IT", "Italy", "it_IT", 1, "39", (("it_IT", 1),), "it", "state_abbr"),
    Country("NL", "Netherlands", "nl_NL", 1, "31", (("nl_NL", 1),), "nl", "province"),
    Country("PL", "Poland", "pl_PL", 1, "48", (("pl_PL", 1),), "pl"),
    Country("SE", "Sweden", "sv_SE", 1, "46", (("sv_SE", 1),), "se", "state"),
    Country(
        "KR",
        "South Korea",
        "ko_KR",
        1,
        "82",
        (("ko_KR", 1),),
        "co.kr",
        state_method="province",
        family_name_first=True,
        name_separator="",
    ),
    Country("ID", "Indonesia", "id_ID", 1, "62", (("id_ID", 1),), "co.id", "state"),
    Country(
        "TW",
        "Taiwan",
        "zh_TW",
        0.5,
        "886",
        (("zh_TW", 1),),
        "com.tw",
        state_method="",
        city_method="city_name",
        family_name_first=True,
        name_separator="",
    ),
    Country("DZ", "Algeria", "fr_DZ", 0.5, "213", (("fr_DZ", 1),), "dz"),
)

COUNTRIES_BY_CODE: Final[Mapping[str, Country]] = MappingProxyType(
    {c.code: c for c in COUNTRIES}
)
