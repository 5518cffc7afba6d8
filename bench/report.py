"""Rewrite the README's benchmark table from bench/results/*.json.

    python -m bench.report

Each results file may carry a ``summary`` dict of headline figures; those are what the table shows.
"""

from __future__ import annotations

import json
import re

from bench.common import RESULTS, ROOT

START, END = "<!-- bench-table:start -->", "<!-- bench-table:end -->"


def _fmt(v):
    if isinstance(v, float):
        return f"{v:.3f}" if abs(v) < 10 else f"{v:,.1f}"
    return str(v)


def table() -> str:
    rows = ["| benchmark | figure | value | measured | command |", "|---|---|---|---|---|"]
    for path in sorted(RESULTS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        summary = data.get("summary") or {k: v for k, v in data.items()
                                          if isinstance(v, (int, float)) and not isinstance(v, bool)}
        for i, (k, v) in enumerate(summary.items()):
            name = data.get("benchmark", path.stem) if i == 0 else ""
            when = data.get("when", "")[:10] if i == 0 else ""
            cmd = f"`{data['command']}`" if i == 0 and data.get("command") else ""
            rows.append(f"| {name} | {k} | {_fmt(v)} | {when} | {cmd} |")
    return "\n".join(rows)


def main():
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = re.sub(re.escape(START) + ".*?" + re.escape(END), START + "\n" + table() + "\n" + END, text, flags=re.S)
    readme.write_text(new, encoding="utf-8")
    print(table())


if __name__ == "__main__":
    main()
