#!/usr/bin/env python3
"""Turns one run of Benchmarks/run.sh into results.md and results.json (stdlib only).

    report.py MANIFEST RAW_DIR ENVIRONMENT.json OUT_DIR

MANIFEST has one tab-separated line per case, in the order they ran: group, id, role (floor,
shipshape, peer or n/a), label, expected exit status ("any" for no expectation), the ids of the
floor and of the Shipshape row its ratios are taken against (empty: the group's first of each),
and the command. RAW_DIR holds hyperfine's --export-json output (ID.json) and /usr/bin/time's
peak RSS in KiB (ID.rss) for each case.
"""

import json
import sys
from pathlib import Path

MIB = 1024.0

# The targets of issue 5: (text, kind, ids, limit). Kinds: "ratio" median(a)/median(b) <= limit;
# "faster" min(median of the peers of group b)/median(a) >= limit; "time" median(a) < limit s;
# "memory" max peak RSS of the rows < limit MiB; "ratio-plus" median(a) - median(b) <= limit s.
TARGETS = [
    ("commit-msg within 1.3× the libgit2 floor", "ratio", ("cm.shipshape", "cm.libgit2"), 1.3),
    ("commit-msg at least 4× faster than the fastest peer", "faster",
     ("cm.shipshape", "commit-msg"), 4.0),
    ("pure `shipshape lint` under 3 ms", "time", ("cm.pure",), 0.003),
    ("a catastrophic pattern is refused within 100 ms", "time", ("cm.catastrophic",), 0.100),
    ("changelog-sync incremental on 100,000 commits under 40 ms", "time", ("cl100k.sync",), 0.040),
    ("changelog-sync incremental on 100,000 commits at most half of git-cliff --unreleased",
     "ratio", ("cl100k.sync", "cl100k.cliff"), 0.5),
    ("peak memory of any hook under 30 MiB", "memory",
     ("cm.shipshape", "push.one", "push.many", "receive.one", "receive.many", "cl10k.sync", "cl100k.sync"), 30.0),
    ("pre-receive of 10,000 new commits on 100,000 within the pre-push budget (1 s)", "time", ("receive.many",), 1.0),
    ("pre-receive of 1 new commit within the libgit2 floor plus 5 ms", "ratio-plus", ("receive.one", "push.libgit2"), 0.005),
    ("peak memory of a 100,000-commit walk under 150 MiB", "memory", ("walk.shipshape",), 150.0),
]


def load(manifest, raw):
    rows = []
    for line in Path(manifest).read_text(encoding="utf-8").splitlines():
        group, ident, role, label, expect, floor, versus, command = line.split("\t", 7)
        row = {"group": group, "id": ident, "role": role, "label": label, "command": command}
        if role != "n/a":
            result = json.loads((raw / f"{ident}.json").read_text())["results"][0]
            rss = (raw / f"{ident}.rss")
            rss_lines = rss.read_text().split() if rss.exists() else []
            codes = sorted(set(result.get("exit_codes") or []))
            row.update({
                "median_s": result["median"], "mean_s": result["mean"],
                "stddev_s": result.get("stddev"), "min_s": result["min"], "max_s": result["max"],
                "runs": len(result["times"]),
                "peak_rss_kib": int(rss_lines[-1]) if rss_lines and rss_lines[-1].isdigit() else None,
                "exit_codes": codes, "expected_exit": expect,
                "unexpected_exit": expect != "any" and any(c != int(expect) for c in codes),
                "floor": floor, "versus": versus,
            })
        rows.append(row)
    return rows


def fill_references(rows):
    """Gives every measured row its floor and Shipshape reference, then its ratios."""
    first = {}
    for row in rows:
        if row["role"] in ("floor", "shipshape"):
            first.setdefault((row["group"], row["role"]), row["id"])
    by_id = {row["id"]: row for row in rows}
    for row in rows:
        if row["role"] in ("n/a", "floor"):
            continue
        floor = by_id.get(row["floor"] or first.get((row["group"], "floor")))
        if floor:
            row["floor"] = floor["id"]
            row["vs_floor"] = row["median_s"] / floor["median_s"]
            row["above_floor_s"] = row["median_s"] - floor["median_s"]
        if row["role"] == "peer":
            versus = by_id.get(row["versus"] or first.get((row["group"], "shipshape")))
            if versus:
                row["versus"] = versus["id"]
                row["vs_shipshape"] = row["median_s"] / versus["median_s"]
    return by_id


def evaluate(rows, by_id):
    results = []
    for text, kind, ids, limit in TARGETS:
        measured, met, detail = None, None, "not measured in this run"
        if all(i in by_id and "median_s" in by_id[i] for i in ids[:1]):
            a = by_id[ids[0]]
            if kind == "ratio" and ids[1] in by_id:
                measured = a["median_s"] / by_id[ids[1]]["median_s"]
                met = measured <= limit
                detail = f"{measured:.2f}× ({ms(a['median_s'])} against {ms(by_id[ids[1]]['median_s'])})"
            elif kind == "ratio-plus" and ids[1] in by_id:
                measured = a["median_s"] - by_id[ids[1]]["median_s"]
                met = measured <= limit
                detail = f"+{ms(measured)} ({ms(a['median_s'])} against {ms(by_id[ids[1]]['median_s'])})"
            elif kind == "faster":
                peers = [r for r in rows if r["group"] == ids[1] and r["role"] == "peer"]
                if peers:
                    fastest = min(peers, key=lambda r: r["median_s"])
                    measured = fastest["median_s"] / a["median_s"]
                    met = measured >= limit
                    detail = (f"{measured:.1f}× (fastest peer: {fastest['label']}, "
                              f"{ms(fastest['median_s'])})")
            elif kind == "time":
                measured = a["median_s"]
                met = measured < limit
                detail = ms(measured)
            elif kind == "memory":
                present = [by_id[i] for i in ids if i in by_id and by_id[i].get("peak_rss_kib")]
                if present:
                    worst = max(present, key=lambda r: r["peak_rss_kib"])
                    measured = worst["peak_rss_kib"] / MIB
                    met = measured < limit
                    detail = f"{measured:.1f} MiB ({worst['label']})"
        results.append({"target": text, "measured": measured, "met": met, "detail": detail})
    return results


def ms(seconds):
    if seconds is None:
        return ""
    if seconds >= 1:
        return f"{seconds:.2f} s"
    value = seconds * 1000
    return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"


def markdown(rows, targets, env):
    titles = {
        "commit-msg": "commit-msg, typical message, one process",
        "git-commit": "a real `git commit` with the hook",
        "lint-range": "lint a range of commits",
        "lint-history": "lint the whole 100,000-commit history (legacy commits fail)",
        "pre-push": "pre-push",
        "changelog-10000": "changelog, 10,000-commit repository",
        "changelog-100000": "changelog, 100,000-commit repository",
    }
    lines = [
        f"Run of {env['date']} ({env['mode']}), Shipshape {env['commit']}, {env['cores']} cores, "
        f"{env['git']}, libgit2 {env['libgit2']}, {env['hyperfine']}; peers: "
        f"{', '.join(env['peers'])}.",
        "",
        "| case | command | median | peak RSS | × floor | × Shipshape |",
        "|---|---|---:|---:|---:|---:|",
    ]
    previous = None
    for row in rows:
        case = titles.get(row["group"], row["group"]) if row["group"] != previous else ""
        previous = row["group"]
        if row["role"] == "n/a":
            lines.append(f"| {case} | {row['label']} | — | — | | cannot do this case |")
            continue
        label = row["label"]
        if row["role"] == "floor":
            label = f"floor: {label}"
        elif row["role"] == "shipshape":
            label = f"**{label}**"
        if row["unexpected_exit"]:
            label += f" (exit {', '.join(map(str, row['exit_codes']))}!)"
        rss = f"{row['peak_rss_kib'] / MIB:.1f} MiB" if row.get("peak_rss_kib") else "?"
        vs_floor = ""
        if "vs_floor" in row:
            sign = "+" if row["above_floor_s"] >= 0 else "−"
            vs_floor = f"{row['vs_floor']:.2f}× ({sign}{ms(abs(row['above_floor_s']))})"
        vs_shipshape = f"{row['vs_shipshape']:.1f}×" if "vs_shipshape" in row else ""
        lines.append(f"| {case} | {label} | {ms(row['median_s'])} | {rss} | {vs_floor} | "
                     f"{vs_shipshape} |")
    lines += ["", "| target | measured | met |", "|---|---|---|"]
    for target in targets:
        verdict = {True: "yes", False: "**no**", None: "—"}[target["met"]]
        lines.append(f"| {target['target']} | {target['detail']} | {verdict} |")
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) != 5:
        sys.exit("usage: report.py MANIFEST RAW_DIR ENVIRONMENT.json OUT_DIR")
    manifest, raw, env_path, out = sys.argv[1], Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
    env = json.loads(Path(env_path).read_text())
    rows = load(manifest, raw)
    by_id = fill_references(rows)
    targets = evaluate(rows, by_id)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(
        {"environment": env, "cases": rows, "targets": targets}, indent=2) + "\n")
    (out / "results.md").write_text(markdown(rows, targets, env))


if __name__ == "__main__":
    main()
