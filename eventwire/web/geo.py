"""Country codes for the map: the vendored world map names countries by ISO-3166 numeric code."""

from __future__ import annotations

from functools import cache


@cache
def numeric_code(alpha3: str | None) -> str | None:
    """ISO numeric code ("004") for an alpha-3 code ("AFG"), or None."""
    if not alpha3:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_3=alpha3.upper())
    return c.numeric if c else None


@cache
def country_name(alpha3: str | None) -> str | None:
    if not alpha3:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_3=alpha3.upper())
    return getattr(c, "common_name", None) or (c.name if c else None)
