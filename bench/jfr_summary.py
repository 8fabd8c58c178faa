#!/usr/bin/python3
"""Where the main thread's time goes, from a Java Flight Recorder recording of the benchmark.

    java -XX:StartFlightRecording=filename=run.jfr,settings=profile -cp "$CP" \\
      io.github.seriesforecaster.bench.PerformanceBenchmark --config scale --epochs 4 --warmup 1 \\
      --rows 10000 --calls 100 --predict-warmup 20 --batch-repeats 1
    jfr print --json --stack-depth 40 --events jdk.ExecutionSample,jdk.NativeMethodSample \\
      run.jfr > run.json
    /usr/bin/python3 bench/jfr_summary.py run.json

Counts the samples of the thread named "main" (Java and native-code samples together) and prints
the share of the top frames, the commonest short stacks, and the deepest DL4J layer or updater
frame each sample is in.
"""

import collections
import json
import sys

LAYER_PREFIXES = ("org.deeplearning4j.nn.layers", "org.deeplearning4j.nn.updater",
                  "org.nd4j.linalg.learning")


def name(frame, short=False):
    type_name = frame["method"]["type"]["name"].replace("/", ".")
    if short:
        type_name = type_name.rsplit(".", 1)[-1]
    return type_name + "." + frame["method"]["name"]


def main(path):
    events = json.load(open(path))["recording"]["events"]
    top, stacks, layer = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for event in events:
        values = event["values"]
        thread = (values.get("sampledThread") or {}).get("javaName")
        if thread != "main" or not values.get("stackTrace"):
            continue
        frames = values["stackTrace"]["frames"]
        total += 1
        top[name(frames[0])] += 1
        stacks[" < ".join(name(f, short=True) for f in frames[:6])] += 1
        full = [name(f) for f in frames]
        layer[next((n for n in full if n.startswith(LAYER_PREFIXES)),
                   "(outside layers) " + next((n for n in full if "seriesforecaster" in n), "?"))] += 1
    if total == 0:
        sys.exit("no samples of the main thread in " + path)
    print(f"{total} samples of the main thread")
    for title, counter in (("top frame", top), ("deepest DL4J layer/updater frame", layer),
                           ("stack (top 6 frames)", stacks)):
        print(f"\n--- by {title}")
        for key, count in counter.most_common(15):
            print(f"{100.0 * count / total:5.1f}%  {key}")


if __name__ == "__main__":
    main(sys.argv[1])
