#!/usr/bin/python3
"""Leave-one-dataset-out scoring of candidate defaults (docs/quality.md).

Each variant of the defaults is run with QualityBenchmark on every dataset (one output file per
variant). For every dataset D, the variant with the lowest mean log(LSTM RMSE / reference RMSE) on
all the OTHER datasets is "the default chosen without D"; D is then scored with that variant. So
no dataset's score comes from a choice that saw it.

    /usr/bin/python3 bench/lodo.py bench/references.txt ensemble1=run1.txt ensemble3=run3.txt

references.txt: lines "file.csv:column<TAB>reference RMSE" (bench/references.txt).
"""
import math
import re
import sys


def lstm_rmse(path):
    result = {}
    with open(path) as f:
        for line in f:
            fields = line.split()
            if len(fields) > 3 and fields[1] == "lstm":
                result[fields[0]] = float(fields[2])
    return result


def main(args):
    references = {}
    with open(args[0]) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, value = line.split("\t")[:2]
                references[name.strip()] = float(value)
    variants = {}
    for arg in args[1:]:
        name, path = arg.split("=", 1)
        variants[name] = lstm_rmse(path)
    datasets = [d for d in references if all(d in v for v in variants.values())]
    print("%-34s %10s %s %14s %10s %8s" % ("held-out dataset", "reference",
                                             " ".join("%10s" % v for v in variants),
                                             "chosen", "LSTM", "vs ref"))
    for held_out in datasets:
        others = [d for d in datasets if d != held_out]

        def loss(variant):
            return sum(math.log(variants[variant][d] / references[d]) for d in others) / len(others)

        chosen = min(variants, key=loss)
        score = variants[chosen][held_out]
        print("%-34s %10.4g %s %14s %10.4g %+7.1f%%" % (
            held_out, references[held_out],
            " ".join("%10.4g" % variants[v][held_out] for v in variants), chosen, score,
            100 * (score / references[held_out] - 1)))


if __name__ == "__main__":
    main(sys.argv[1:])
