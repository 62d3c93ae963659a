#!/usr/bin/env python3
# SPDX-License-Identifier: CC0-1.0
"""Validate the French SDG evaluation set and print per-goal counts.

Usage:
    python3 data/sdg-eval/check_eval.py EVAL_CSV SDG_CSV [--markdown]

In the repository:
    python3 data/sdg-eval/check_eval.py data/sdg-eval/fr_projects.csv \
        third_party/sdg/sdg_fr_en.csv

EVAL_CSV is fr_projects.csv (header id,text,goals,targets,split,note).
SDG_CSV is the UN goal/target reference file with at least the columns
level,code,goal (level is "goal", "target" or "indicator").

Checks (any failure -> exit status 1):
  * file is UTF-8 without BOM, LF line ends only (no CR), ends with LF,
    parses as RFC 4180 CSV with exactly 6 fields per row;
  * header is exactly id,text,goals,targets,split,note;
  * id is fr-NNN (3 digits at least), unique, sequential from fr-001;
  * text: one line, no leading/trailing whitespace, 25 to 90 words, and no
    duplicate text; a word is a whitespace-separated token containing at
    least one letter or digit (so "l'eau" is one word and ":" none);
  * goals: empty or space-separated integers 1..17, no repeats, each a
    goal of SDG_CSV;
  * targets: empty or space-separated codes, no repeats, each a target
    (level "target") of SDG_CSV whose goal is listed in goals;
  * split: "dev" when the id number is a multiple of 3, "test" otherwise;
  * note: one line.
Output: row counts, then one line per goal with the number of rows that
list it (all, dev, test, as primary goal, as sole goal), rows with no goal,
and the distribution of the number of goals per row. --markdown prints the
per-goal table as a Markdown table (for the README).
"""

import argparse
import collections
import csv
import io
import re
import sys

HEADER = ["id", "text", "goals", "targets", "split", "note"]
ID_RE = re.compile(r"^fr-(\d{3,})$")
MIN_WORDS, MAX_WORDS = 25, 90


def word_count(text):
    return sum(1 for tok in text.split() if re.search(r"\w", tok))


def load_sdg(path):
    goals, targets = set(), {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            level = (row.get("level") or "").strip()
            code = (row.get("code") or "").strip()
            goal = (row.get("goal") or "").strip()
            if level == "goal":
                goals.add(code)
            elif level == "target":
                targets[code] = goal
    if not goals or not targets:
        sys.exit(f"{path}: no goals or no targets found (columns level,code,goal)")
    return goals, targets


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("eval_csv")
    ap.add_argument("sdg_csv")
    ap.add_argument("--markdown", action="store_true",
                    help="print the per-goal table as Markdown")
    args = ap.parse_args()

    sdg_goals, sdg_targets = load_sdg(args.sdg_csv)
    errors = []

    def err(where, msg):
        errors.append(f"{where}: {msg}")

    raw = open(args.eval_csv, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("file", "starts with a UTF-8 BOM")
    if b"\r" in raw:
        err("file", "contains CR characters (LF line ends only)")
    if raw and not raw.endswith(b"\n"):
        err("file", "does not end with LF")
    try:
        data = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        sys.exit(f"file: not UTF-8 ({exc})")

    rows = list(csv.reader(io.StringIO(data, newline=""), strict=True))
    if not rows or rows[0] != HEADER:
        err("header", f"expected {','.join(HEADER)}, got {rows[0] if rows else 'nothing'}")
        rows = rows[1:] if rows else []
    else:
        rows = rows[1:]

    parsed = []
    seen_ids, seen_texts = set(), {}
    for i, row in enumerate(rows, start=1):
        where = f"row {i + 1}"
        if len(row) != len(HEADER):
            err(where, f"{len(row)} fields, expected {len(HEADER)}")
            continue
        rid, text, goals_s, targets_s, split, note = row
        where = f"row {i + 1} ({rid})"
        m = ID_RE.match(rid)
        if not m:
            err(where, "id is not fr-NNN")
            continue
        num = int(m.group(1))
        if rid in seen_ids:
            err(where, "duplicate id")
        seen_ids.add(rid)
        if num != i:
            err(where, f"id not sequential (expected fr-{i:03d})")

        if "\n" in text or "\r" in text:
            err(where, "text spans several lines")
        if text != text.strip():
            err(where, "text has leading/trailing whitespace")
        n = word_count(text)
        if not MIN_WORDS <= n <= MAX_WORDS:
            err(where, f"text has {n} words (expected {MIN_WORDS}-{MAX_WORDS})")
        key = " ".join(text.lower().split())
        if key in seen_texts:
            err(where, f"same text as {seen_texts[key]}")
        seen_texts[key] = rid

        goals = goals_s.split()
        if goals_s != " ".join(goals):
            err(where, "goals: use single spaces, no leading/trailing space")
        for g in goals:
            if not g.isdigit() or not 1 <= int(g) <= 17 or g != str(int(g)):
                err(where, f"goal {g!r} is not an integer 1..17")
            elif g not in sdg_goals:
                err(where, f"goal {g} not in the SDG file")
        if len(set(goals)) != len(goals):
            err(where, "goals repeat")

        targets = targets_s.split()
        if targets_s != " ".join(targets):
            err(where, "targets: use single spaces, no leading/trailing space")
        if len(set(targets)) != len(targets):
            err(where, "targets repeat")
        for t in targets:
            if t not in sdg_targets:
                err(where, f"target {t} is not a target of the SDG file")
            elif sdg_targets[t] not in goals:
                err(where, f"target {t} belongs to goal {sdg_targets[t]}, not listed in goals")

        want = "dev" if num % 3 == 0 else "test"
        if split != want:
            err(where, f"split is {split!r}, expected {want!r}")
        if "\n" in note or "\r" in note:
            err(where, "note spans several lines")
        parsed.append((rid, goals, targets, split))

    # ---- counts ----
    total = len(parsed)
    n_split = collections.Counter(p[3] for p in parsed)
    per_goal = {str(g): collections.Counter() for g in range(1, 18)}
    n_goals_dist = collections.Counter()
    n_targets = 0
    for rid, goals, targets, split in parsed:
        n_goals_dist[len(goals)] += 1
        n_targets += len(targets)
        for k, g in enumerate(goals):
            if g not in per_goal:
                continue
            c = per_goal[g]
            c["all"] += 1
            c[split] += 1
            if k == 0:
                c["primary"] += 1
            if len(goals) == 1:
                c["sole"] += 1
    no_goal = collections.Counter(p[3] for p in parsed if not p[1])

    print(f"rows: {total} (dev {n_split['dev']}, test {n_split['test']})")
    print(f"goal labels: {sum(len(p[1]) for p in parsed)}, "
          f"target labels: {n_targets}")
    if args.markdown:
        print()
        print("| goal | rows | dev | test | primary | sole goal |")
        print("|---:|---:|---:|---:|---:|---:|")
        for g in range(1, 18):
            c = per_goal[str(g)]
            print(f"| {g} | {c['all']} | {c['dev']} | {c['test']} | "
                  f"{c['primary']} | {c['sole']} |")
        print(f"| none | {sum(no_goal.values())} | {no_goal['dev']} | "
              f"{no_goal['test']} | | |")
        print()
    else:
        print(f"{'goal':>5} {'rows':>5} {'dev':>5} {'test':>5} "
              f"{'prim.':>6} {'sole':>5}")
        for g in range(1, 18):
            c = per_goal[str(g)]
            print(f"{g:>5} {c['all']:>5} {c['dev']:>5} {c['test']:>5} "
                  f"{c['primary']:>6} {c['sole']:>5}")
        print(f"{'none':>5} {sum(no_goal.values()):>5} {no_goal['dev']:>5} "
              f"{no_goal['test']:>5}")
    dist = ", ".join(f"{k}: {n_goals_dist[k]}" for k in sorted(n_goals_dist))
    print(f"goals per row: {dist}")

    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
