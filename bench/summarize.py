#!/usr/bin/python3
"""Summarises the RESULT lines of PerformanceBenchmark.java and pytorch_reference.py runs.

    /usr/bin/python3 bench/summarize.py target/bench/RUN/*.txt

Each file holds one run of one side on one configuration. Figures from repeated rounds are
combined by their median (peak memory: the largest); the ratio column is PyTorch time / our time,
so a ratio below 1 means PyTorch is faster. Prints Markdown tables.
"""

import sys
from collections import defaultdict


def median(values):
    s = sorted(values)
    n = len(s)
    return s[n // 2] if n % 2 == 1 else (s[n // 2 - 1] + s[n // 2]) / 2.0


def parse(paths):
    rows = []
    for path in paths:
        with open(path) as f:
            for line in f:
                if line.startswith("RESULT "):
                    fields = dict(kv.split("=", 1) for kv in line.split()[1:])
                    rows.append(fields)
    return rows


def num(x):
    return float(x)


def fmt(x, digits=1):
    if x is None:
        return "-"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:.{digits}f}"


def ratio(pytorch, ours):
    return "-" if pytorch is None or ours is None or ours == 0 else f"{pytorch / ours:.3f}"


def table(title, columns):
    """Prints a Markdown table's title, a blank line, the header row and the separator row."""
    print(title)
    print()
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))


def row(cells):
    print("| " + " | ".join(str(c) for c in cells) + " |")


def groups(grouped, configs):
    """Yields (key, group, fields of any run, runs per side "ours/PyTorch") for each key of a table
    keyed by (config, ...), configurations in first-seen order, keys sorted within one."""
    for config in configs:
        for key in sorted(k for k in grouped if k[0] == config):
            group = grouped[key]
            any_side = next(iter(group.values()))[0]
            runs = "/".join(str(len(group.get(s, []))) for s in ("dl4j", "pytorch"))
            yield key, group, any_side, runs


def main(paths):
    rows = parse(paths)
    if not rows:
        sys.exit("no RESULT lines in " + " ".join(paths))
    configs = []
    for r in rows:
        if r["config"] not in configs:
            configs.append(r["config"])

    train = defaultdict(lambda: defaultdict(list))  # (config, rows) -> side -> [fields]
    other = defaultdict(lambda: defaultdict(list))  # (config, kind) -> side -> [fields]
    fits = defaultdict(lambda: defaultdict(list))  # (config, rows, fit) -> side -> [fields]
    for r in rows:
        if r["kind"] == "train":
            train[(r["config"], int(r["rows"]))][r["side"]].append(r)
        elif r["kind"] == "fit":
            fits[(r["config"], int(r["rows"]), int(r.get("fit", 1)))][r["side"]].append(r)
        else:
            other[(r["config"], r["kind"])][r["side"]].append(r)

    def med(group, side, key):
        values = [num(f[key]) for f in group.get(side, []) if key in f]
        return median(values) if values else None

    def both(group, key):
        return med(group, "dl4j", key), med(group, "pytorch", key)

    def low(group, side, key):
        values = [num(f[key]) for f in group.get(side, []) if key in f]
        return min(values) if values else None

    def versus(group, key, cpu_key, digits):
        """Both sides' median time and CPU time, each followed by the ratio PyTorch/ours."""
        ours, theirs = both(group, key)
        ours_cpu, theirs_cpu = both(group, cpu_key)
        return [fmt(ours, digits), fmt(theirs, digits), ratio(theirs, ours),
                fmt(ours_cpu, digits), fmt(theirs_cpu, digits), ratio(theirs_cpu, ours_cpu)]

    table("### Training: ms per epoch (median of the per-run medians; CPU: mean process CPU time "
          "per measured epoch, median over runs)",
          ["config", "values", "windows", "batch", "epochs (warm-up)", "runs", "ours ms/epoch",
           "PyTorch ms/epoch", "ratio PyTorch/ours", "ours CPU ms", "PyTorch CPU ms", "CPU ratio",
           "ours best run", "PyTorch best run", "ours windows/s", "PyTorch windows/s"])
    for key, g, any_side, runs in groups(train, configs):
        row([key[0], key[1], any_side["windows"], any_side["batch"],
             f"{any_side['epochs']} ({any_side['warmup']})", runs,
             *versus(g, "ms_per_epoch", "cpu_ms_per_epoch", 2),
             fmt(low(g, "dl4j", "ms_per_epoch"), 2), fmt(low(g, "pytorch", "ms_per_epoch"), 2),
             fmt(med(g, "dl4j", "windows_per_s")), fmt(med(g, "pytorch", "windows_per_s"))])
    if fits:
        print()
        table("### Whole fit: seconds from the series to a fitted model with its validation work "
              "(medians over runs; fit 1 is the first in its process, later ones run warm; after: "
              "from the end of the last epoch to the end of the fit; PyTorch with --refit trains "
              "a second network on every value as our fit does, and 'without refit' is the same "
              "run less that training)",
              ["config", "values", "fit", "epochs", "runs", "ours fit s", "PyTorch fit s",
               "ratio PyTorch/ours", "ours CPU s", "PyTorch CPU s", "CPU ratio",
               "ours after s (share)", "PyTorch after s (share)", "ours per-run fit s",
               "PyTorch per-run fit s", "refit epochs ours / PyTorch",
               "PyTorch without refit s", "ratio without refit/ours"])
        for key, g, any_side, runs in groups(fits, configs):

            def after(side):
                a, share = med(g, side, "after_s"), med(g, side, "after_share")
                return "-" if a is None else f"{a:.3f} ({100 * share:.0f}%)"

            def each(side):
                return ", ".join(f"{num(f['fit_s']):.2f}" for f in g.get(side, []))

            def refits():
                def side(name):
                    return ",".join(sorted({f.get("refit_epochs", "-")
                                            if name == "dl4j" or f.get("refit") == "yes"
                                            else "none" for f in g.get(name, [])})) or "-"
                return side("dl4j") + " / " + side("pytorch")

            # the PyTorch job without its refit (one training plus the validation work), timed
            # in the same runs: the reference's figure before it mirrored the library's refit
            single = med(g, "pytorch", "single_s")
            row([key[0], key[1], key[2], any_side["epochs"], runs,
                 *versus(g, "fit_s", "fit_cpu_s", 3),
                 after("dl4j"), after("pytorch"), each("dl4j"), each("pytorch"), refits(),
                 fmt(single, 3), ratio(single, med(g, "dl4j", "fit_s"))])
    print()
    table("### Prediction, model file, memory (medians over runs; peak RSS: largest run)",
          ["config", "side", "runs", "predict p50 µs", "p99 µs", "CPU µs/call",
           "batch of 10,000 ms", "batch CPU ms (mean)", "batch windows/s", "model bytes",
           "peak RSS MB"])
    for config in configs:
        for side in ("dl4j", "pytorch"):
            p = other[(config, "predict")]
            m = other[(config, "model")]
            mem = other[(config, "memory")]
            if side not in p:
                continue
            peak = max(num(f["peak_rss_mb"]) for f in mem[side]) if side in mem else None
            row([config, "ours" if side == "dl4j" else "PyTorch", len(p[side]),
                 fmt(med(p, side, "p50_us")), fmt(med(p, side, "p99_us")),
                 fmt(med(p, side, "cpu_us_per_call")), fmt(med(p, side, "batch_ms")),
                 fmt(med(p, side, "batch_cpu_ms")), fmt(med(p, side, "batch_windows_per_s")),
                 fmt(med(m, side, "model_bytes")), fmt(peak, 0)])

if __name__ == "__main__":
    main(sys.argv[1:])
