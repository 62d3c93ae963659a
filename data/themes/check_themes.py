#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Verify data/themes/themes.csv against the IATI DAC sector codelists
(and, optionally, the SDG reference file).

Usage:
    python3 data/themes/check_themes.py SECTOR_CSV SECTOR_CATEGORY_CSV \
        [--sdg SDG_CSV ...] [--themes THEMES_CSV] [--verbose]

In the repository:
    python3 data/themes/check_themes.py \
        third_party/iati-codelists/Sector.csv \
        third_party/iati-codelists/SectorCategory.csv \
        --sdg third_party/sdg/sdg_fr_en.csv

SECTOR_CSV / SECTOR_CATEGORY_CSV are IATI codelists with at least the
columns `code` and `status` (`active` or `withdrawn`); Sector.csv also has
`category`. SDG_CSV is either sdg_fr_en.csv (columns level,code,...) or
the IATI UNSDG-Goals.csv and UNSDG-Targets.csv (column `code`); --sdg may be
given several times. Goal and target checks run only for what was loaded.

Checks (any failure -> exit status 1):
  * header is exactly code,label_fr,label_en,sdg_goals,dac_sectors,
    description_fr,description_en; file is UTF-8 without BOM, LF line ends;
  * code is a unique lowercase ASCII slug ([a-z0-9]+(-[a-z0-9]+)*);
  * all the themes the project requires are present;
  * labels and descriptions are non-empty and carry no stray whitespace;
  * sdg_goals: non-empty, space-separated integers 1..17, no repeats,
    each goal exists in SDG_CSV when given;
  * dac_sectors: non-empty, space-separated, no repeats; a 5-digit token
    must be an ACTIVE code of SECTOR_CSV, a 3-digit token an ACTIVE code of
    SECTOR_CATEGORY_CSV; a 5-digit code must not repeat a category listed
    in the same theme;
  * SDG targets cited in the descriptions ("6.1", "5.c", ...) exist in
    SDG_CSV when given, belong to a goal listed in sdg_goals, and every
    listed goal is cited by at least one target in each description.
Informational output: DAC codes shared by several themes, and active
sector codes not reached by any theme.
"""

import argparse
import csv
import io
import os
import re
import sys

HEADER = ["code", "label_fr", "label_en", "sdg_goals", "dac_sectors",
          "description_fr", "description_en"]

REQUIRED = [
    "eau-assainissement", "energie", "dechets", "sante", "mobilite-transports",
    "education", "gouvernance-locale", "jeunesse-mobilite-internationale",
    "egalite-femmes-hommes", "developpement-economique-local",
    "agriculture-securite-alimentaire", "climat-adaptation",
    "climat-attenuation", "environnement-biodiversite", "ocean",
    "culture-patrimoine", "sport", "enseignement-superieur-recherche",
    "formation-professionnelle", "numerique", "urgence-post-crise",
    "migrations-diasporas", "paix-dialogue-citoyennete", "ecsi",
    "francophonie",
]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# "6.1", "6.a", "16.10", "17.19"; not part of a longer dotted number.
TARGET_REF = re.compile(r"(?<![\d.])([1-9]\d?)\.([1-9]\d?|[a-z](?![A-Za-z]))(?![\d.]*\d)")
RANGE_REF = re.compile(r"([1-9]\d?)\.([1-9]\d?|[a-z]) (?:à|to) ([1-9]\d?)\.([1-9]\d?|[a-z])")


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_codelist(path):
    rows = read_csv(path)
    if not rows or "code" not in rows[0]:
        sys.exit(f"{path}: no 'code' column")
    return {r["code"].strip(): r for r in rows}


def load_sdg(path):
    """Return (goals, targets) as sets of strings."""
    goals, targets = set(), set()
    for r in read_csv(path):
        code = (r.get("code") or "").strip()
        level = (r.get("level") or "").strip()
        if level == "goal" or (not level and re.fullmatch(r"\d{1,2}", code)):
            goals.add(code)
        elif level == "target" or (not level and re.fullmatch(r"\d{1,2}\.\w+", code)):
            targets.add(code)
    return goals, targets


def cited_targets(text):
    refs = {f"{g}.{t}" for g, t in TARGET_REF.findall(text)}
    return refs


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sector_csv", help="IATI Sector.csv (DAC 5-digit purpose codes)")
    ap.add_argument("category_csv", help="IATI SectorCategory.csv (DAC 3-digit)")
    ap.add_argument("--sdg", action="append", default=[],
                    help="sdg_fr_en.csv, or UNSDG-Goals.csv and UNSDG-Targets.csv "
                         "(optional, repeatable)")
    ap.add_argument("--themes", default=os.path.join(here, "themes.csv"))
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()

    errors = []

    def err(msg):
        errors.append(msg)

    raw = open(args.themes, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("themes file starts with a UTF-8 BOM")
    if b"\r" in raw:
        err("themes file contains CR characters (use LF line ends)")
    if not raw.endswith(b"\n"):
        err("themes file does not end with a newline")
    text = raw.decode("utf-8")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    if header != HEADER:
        err(f"header is {header!r}, expected {HEADER!r}")
    rows = []
    for lineno, rec in enumerate(reader, start=2):
        if len(rec) != len(HEADER):
            err(f"line {lineno}: {len(rec)} fields, expected {len(HEADER)}")
            continue
        rows.append((lineno, dict(zip(HEADER, rec))))

    sectors = load_codelist(args.sector_csv)
    cats = load_codelist(args.category_csv)
    sdg_goals = sdg_targets = None
    sdg_src = " + ".join(args.sdg)
    if args.sdg:
        sdg_goals, sdg_targets = set(), set()
        for path in args.sdg:
            g, t = load_sdg(path)
            sdg_goals |= g
            sdg_targets |= t
        # A file set without goals (or targets) cannot check them.
        sdg_goals = sdg_goals or None
        sdg_targets = sdg_targets or None

    seen = {}
    reach = {}        # active sector code -> themes reaching it
    token_owner = {}  # dac token -> themes listing it
    for lineno, r in rows:
        code = r["code"]
        where = f"line {lineno} ({code})"
        if not SLUG.match(code):
            err(f"{where}: code is not a lowercase ASCII slug")
        if code in seen:
            err(f"{where}: duplicate code (first on line {seen[code]})")
        seen[code] = lineno
        for col in ("label_fr", "label_en", "description_fr", "description_en"):
            v = r[col]
            if not v.strip():
                err(f"{where}: {col} is empty")
            elif v != v.strip() or "  " in v or "\n" in v:
                err(f"{where}: {col} has stray whitespace")

        # SDG goals
        goals = r["sdg_goals"].split(" ")
        if not r["sdg_goals"] or any(not g for g in goals):
            err(f"{where}: sdg_goals empty or badly spaced: {r['sdg_goals']!r}")
            goals = [g for g in goals if g]
        if len(set(goals)) != len(goals):
            err(f"{where}: repeated goal in sdg_goals")
        for g in goals:
            if not re.fullmatch(r"[1-9]|1[0-7]", g):
                err(f"{where}: sdg goal {g!r} is not 1..17")
            elif sdg_goals is not None and g not in sdg_goals:
                err(f"{where}: sdg goal {g} not in {sdg_src}")

        # SDG targets cited in the descriptions
        for col in ("description_fr", "description_en"):
            refs = cited_targets(r[col])
            for a, b, c, d in RANGE_REF.findall(r[col]):
                if a != c:
                    err(f"{where}: {col}: target range {a}.{b}-{c}.{d} spans goals")
            cited_goals = {t.split(".")[0] for t in refs}
            for t in sorted(refs):
                if sdg_targets is not None and t not in sdg_targets:
                    err(f"{where}: {col} cites target {t}, not in {sdg_src}")
                if t.split(".")[0] not in goals:
                    err(f"{where}: {col} cites target {t} but goal "
                        f"{t.split('.')[0]} is not in sdg_goals")
            for g in goals:
                if g not in cited_goals:
                    err(f"{where}: {col} cites no target of goal {g}")

        # DAC sectors
        toks = r["dac_sectors"].split(" ")
        if not r["dac_sectors"] or any(not t for t in toks):
            err(f"{where}: dac_sectors empty or badly spaced: {r['dac_sectors']!r}")
            toks = [t for t in toks if t]
        if len(set(toks)) != len(toks):
            err(f"{where}: repeated code in dac_sectors")
        listed_cats = {t for t in toks if len(t) == 3}
        for t in toks:
            token_owner.setdefault(t, []).append(code)
            if re.fullmatch(r"\d{5}", t):
                s = sectors.get(t)
                if s is None:
                    err(f"{where}: DAC code {t} not in {args.sector_csv}")
                    continue
                if s.get("status", "active") != "active":
                    err(f"{where}: DAC code {t} is {s.get('status')}")
                if s.get("category") in listed_cats:
                    err(f"{where}: DAC code {t} repeats listed category {s['category']}")
                reach.setdefault(t, set()).add(code)
            elif re.fullmatch(r"\d{3}", t):
                c = cats.get(t)
                if c is None:
                    err(f"{where}: DAC category {t} not in {args.category_csv}")
                    continue
                if c.get("status", "active") != "active":
                    err(f"{where}: DAC category {t} is {c.get('status')}")
                for sc, s in sectors.items():
                    if s.get("category") == t and s.get("status", "active") == "active":
                        reach.setdefault(sc, set()).add(code)
            else:
                err(f"{where}: DAC token {t!r} is neither 5 nor 3 digits")

    for req in REQUIRED:
        if req not in seen:
            err(f"required theme {req!r} is missing")

    active = {c for c, s in sectors.items() if s.get("status", "active") == "active"}
    unreached = sorted(active - set(reach))
    shared = {t: o for t, o in token_owner.items() if len(o) > 1}
    multi = {c: th for c, th in reach.items() if len(th) > 1}

    print(f"themes: {len(rows)} rows, {len(REQUIRED)} required themes checked")
    print(f"DAC tokens: {sum(len(r['dac_sectors'].split()) for _, r in rows)} "
          f"({sum(1 for t in token_owner if len(t) == 3)} distinct 3-digit categories, "
          f"{sum(1 for t in token_owner if len(t) == 5)} distinct 5-digit codes)")
    print(f"active 5-digit sector codes reached by at least one theme: "
          f"{len(active & set(reach))}/{len(active)}")
    print(f"5-digit codes reached by several themes: {len(multi)}")
    if args.verbose:
        for c in sorted(multi):
            print(f"  {c} {sectors[c].get('name_en', '')}: {' '.join(sorted(multi[c]))}")
        print(f"tokens listed by several themes: {len(shared)}")
        for t in sorted(shared):
            print(f"  {t}: {' '.join(shared[t])}")
        print(f"active sector codes reached by no theme: {len(unreached)}")
        for c in unreached:
            print(f"  {c} {sectors[c].get('name_en', '')}")
    if errors:
        print(f"FAILED: {len(errors)} error(s)")
        for e in errors:
            print(f"  {e}")
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
