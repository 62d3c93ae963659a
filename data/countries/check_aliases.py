#!/usr/bin/env python3
"""Check country-name coverage of coopatlas reference data.

Usage:
  check_aliases.py --package-dir DIR --aliases ALIASES.csv [--twin TWIN.csv]

  --package-dir  directory of the i18n-iso-countries npm package (v7.14.0),
                 i.e. the folder holding codes.json and langs/{fr,en}.json
  --aliases      data/countries/aliases.csv
  --display      optional data/countries/display_names_fr.csv: every display
                 name (fr and en) must resolve back to its own alpha2
  --twin         optional CSV with columns country1,country2 (e.g. the
                 Wikipedia twin-town scrape); every distinct spelling is
                 checked and a coverage report is printed

Matching rule (mirrors what the program is expected to do): a name is folded
by lowercasing, stripping accents, turning hyphens, apostrophes and any other
punctuation into spaces and collapsing runs of spaces. A folded name is
resolved first against aliases.csv, then against the package names (fr and
en, including the array alternatives).

Checks performed (exit code 1 if any hard error):
  * aliases.csv header, alpha2 codes exist in codes.json
  * no two alias rows fold to the same key
  * no alias is redundant (already resolved by the package to the same code)
  * aliases that override a package name mapping to a different code are
    listed (they are deliberate disambiguations, e.g. "Congo")
  * package names that fold to the same key for several codes are listed
"""
import argparse
import csv
import json
import os
import re
import sys
import unicodedata

# Letters that NFKD does not decompose into base letter + combining mark.
_EXTRA = str.maketrans({
    "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o",
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
    "þ": "th", "Þ": "th", "ß": "ss", "ı": "i",
})


def fold(name):
    s = name.translate(_EXTRA)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower()
    s = re.sub(r"[^0-9a-z]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def load_package(pkg_dir):
    with open(os.path.join(pkg_dir, "codes.json"), encoding="utf-8") as f:
        codes = {row[0] for row in json.load(f)}
    index = {}  # folded -> set(alpha2)
    for lang in ("fr", "en"):
        with open(os.path.join(pkg_dir, "langs", lang + ".json"), encoding="utf-8") as f:
            countries = json.load(f)["countries"]
        for a2, names in countries.items():
            if isinstance(names, str):
                names = [names]
            for n in names:
                index.setdefault(fold(n), set()).add(a2)
    return codes, index


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--package-dir", required=True)
    ap.add_argument("--aliases", required=True)
    ap.add_argument("--display")
    ap.add_argument("--twin")
    args = ap.parse_args()

    codes, pkg = load_package(args.package_dir)
    errors = 0

    aliases = {}
    with open(args.aliases, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header != ["alias", "alpha2", "note"]:
            print("ERROR aliases.csv header is %r" % header)
            errors += 1
        for row in reader:
            if len(row) != 3:
                print("ERROR bad row %r" % row)
                errors += 1
                continue
            alias, a2, _note = row
            if a2 not in codes:
                print("ERROR alias %r -> unknown alpha2 %r" % (alias, a2))
                errors += 1
            k = fold(alias)
            if k in aliases:
                print("ERROR alias %r folds to %r, already used by %r" % (alias, k, aliases[k][0]))
                errors += 1
                continue
            aliases[k] = (alias, a2)
            p = pkg.get(k)
            if p == {a2}:
                print("ERROR alias %r is redundant: package already maps it to %s" % (alias, a2))
                errors += 1
            elif p:
                print("NOTE  alias %r -> %s overrides package mapping %s" % (alias, a2, "/".join(sorted(p))))

    for k, v in sorted(pkg.items()):
        if len(v) > 1:
            how = "resolved by alias -> %s" % aliases[k][1] if k in aliases else "UNRESOLVED"
            print("NOTE  package name %r is ambiguous (%s): %s" % (k, "/".join(sorted(v)), how))

    def resolve(name):
        k = fold(name)
        if k in aliases:
            return aliases[k][1], "alias"
        p = pkg.get(k)
        if p and len(p) == 1:
            return next(iter(p)), "package"
        if p:
            return None, "ambiguous"
        return None, "unmatched"

    if args.display:
        with open(args.display, encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            if header != ["alpha2", "name_fr", "name_en", "note"]:
                print("ERROR display_names_fr.csv header is %r" % header)
                errors += 1
            seen = set()
            for row in reader:
                a2, name_fr, name_en, _note = row
                if a2 not in codes or a2 in seen:
                    print("ERROR display row %r: unknown or duplicate alpha2" % (row,))
                    errors += 1
                seen.add(a2)
                for n in (name_fr, name_en):
                    if not n:
                        continue
                    if "\u2019" in n:
                        print("ERROR display name %r uses a typographic apostrophe" % n)
                        errors += 1
                    got, _kind = resolve(n)
                    if got != a2:
                        print("ERROR display name %r (%s) resolves to %r" % (n, a2, got))
                        errors += 1

    if args.twin:
        counts = {}
        with open(args.twin, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                for col in ("country1", "country2"):
                    counts[row[col]] = counts.get(row[col], 0) + 1
        by_kind = {"alias": [], "package": [], "ambiguous": [], "unmatched": []}
        for name in sorted(counts):
            a2, kind = resolve(name)
            by_kind[kind].append((name, a2))
        total = len(counts)
        covered = len(by_kind["alias"]) + len(by_kind["package"])
        cells = sum(counts.values())
        covered_cells = sum(counts[n] for n, _ in by_kind["alias"] + by_kind["package"])
        print()
        print("twin-town distinct spellings: %d" % total)
        print("  covered by package names : %d" % len(by_kind["package"]))
        print("  covered by aliases.csv   : %d" % len(by_kind["alias"]))
        print("  covered total            : %d" % covered)
        print("  cells covered            : %d of %d" % (covered_cells, cells))
        for kind in ("ambiguous", "unmatched"):
            for name, _ in by_kind[kind]:
                print("  NOT COVERED (%s): %r x%d" % (kind, name, counts[name]))
        for name, a2 in by_kind["alias"]:
            print("  via alias: %r -> %s" % (name, a2))

    if errors:
        print("%d error(s)" % errors)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
