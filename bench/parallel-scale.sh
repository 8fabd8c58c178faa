#!/usr/bin/env bash
# Single-core against two-core wall time of independent fits (docs/performance.md, "Independent
# fits on both cores"): runs ParallelFitsBenchmark's jobs, each in a fresh JVM, once confined to
# one core (taskset -c 0, -XX:ActiveProcessorCount=1, parallelism 1: the JIT compiler, the garbage
# collector and ND4J share that core too, as on a one-CPU machine) and once on CORES cores
# (parallelism CORES), alternating the order every round, then prints a summary: median wall and
# CPU time per side, the ratio of the medians and per round, the threads that trained networks,
# and whether every run of a job gave the same digest (bit-identical forecasts).
#
#   bench/parallel-scale.sh [ROUNDS] [JOB ...]
#
#   ROUNDS  rounds (default 3); each round runs every job on both sides
#   JOB     backtest (10-fold backtest of AUTO with season 12, refit before every fold) and/or
#           auto (one AUTO fit with season 12); default both
#
# Environment: CSV (monthly series, default data/co2_monthly.csv), COLUMN (default co2_ppm), EPOCHS
# (default 60), CORES (cores and parallelism of the parallel side, default 2), JAVA_OPTS (extra JVM
# options for both sides, e.g. -XX:+UseSerialGC to give both the collector a one-CPU JVM picks),
# OUT (result folder, default target/bench/parallel-<time>). Every run's output stays in OUT.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-3}
if ! [[ $rounds =~ ^[1-9][0-9]*$ ]]; then
  echo "ROUNDS must be a positive number, was '$rounds'" >&2
  exit 2
fi
shift $(( $# < 1 ? $# : 1 ))
jobs=("$@")
if (( ${#jobs[@]} == 0 )); then
  jobs=(backtest auto)
fi
for job in "${jobs[@]}"; do
  if [[ $job != backtest && $job != auto ]]; then
    echo "unknown job '$job'; use backtest, auto" >&2
    exit 2
  fi
done
csv=${CSV:-data/co2_monthly.csv}
column=${COLUMN:-co2_ppm}
epochs=${EPOCHS:-60}
cores=${CORES:-2}
if (( cores < 2 || cores > $(nproc --all) )); then
  echo "CORES must be in [2, $(nproc --all)], was $cores" >&2
  exit 2
fi
out=${OUT:-target/bench/parallel-$(date -u +%Y%m%dT%H%M%S)}
if [[ -n $(ls -A "$out" 2>/dev/null) ]]; then
  echo "result folder $out is not empty; choose another OUT" >&2
  exit 2
fi
mkdir -p "$out"

echo "compiling (once)"
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/parallel-bench.classpath
# a snapshot of the compiled classes, so that rebuilding during a long run changes nothing
classes=target/parallel-bench
rm -rf "$classes" && mkdir -p "$classes" && cp -r target/classes target/test-classes "$classes/"
classpath="$classes/test-classes:$classes/classes:$(cat target/parallel-bench.classpath)"

run() { # side job file
  local side=$1 job=$2 file=$3
  local pin jvm parallelism
  if [[ $side == one ]]; then
    pin=0 jvm=-XX:ActiveProcessorCount=1 parallelism=1
  else
    pin=0-$(( cores - 1 )) jvm= parallelism=$cores
  fi
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)" > "$file"
  # shellcheck disable=SC2086  # JAVA_OPTS and jvm hold zero or more words
  taskset -c "$pin" java $jvm ${JAVA_OPTS:-} -cp "$classpath" \
    io.github.seriesforecaster.bench.ParallelFitsBenchmark --csv "$csv" --column "$column" \
    --epochs "$epochs" --rounds 1 --parallelisms "$parallelism" --jobs "$job" \
    >> "$file" 2> "${file%.txt}.log"
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$file"
}

echo "# $(date -u +%FT%TZ) $(nproc --all) cores, load average $(cut -d' ' -f1-3 /proc/loadavg);" \
  "$rounds rounds of ${jobs[*]} on $csv, $epochs epochs; one core vs $cores; results in $out" \
  | tee "$out/runs.txt"
for (( round = 1; round <= rounds; round++ )); do
  # alternate which side goes first, so that a drift of the machine's load hits both alike
  sides=(one many)
  if (( round % 2 == 0 )); then
    sides=(many one)
  fi
  for job in "${jobs[@]}"; do
    for side in "${sides[@]}"; do
      file="$out/$job-r$round-$side.txt"
      run "$side" "$job" "$file"
      printf '%-8s round %d %-4s %s\n' "$job" "$round" "$side" \
        "$(grep -m1 '^RESULT' "$file" | cut -d' ' -f2-)" | tee -a "$out/runs.txt"
    done
  done
done

echo
python3 - "$out" "$cores" <<'PY' | tee "$out/summary.md"
import glob, os, re, sys
from collections import defaultdict

out, cores = sys.argv[1], sys.argv[2]
runs = defaultdict(dict)  # job -> (round, side) -> fields
for path in sorted(glob.glob(os.path.join(out, "*-r*-*.txt"))):
    job, rnd, side = re.match(r"(\w+)-r(\d+)-(\w+)\.txt$", os.path.basename(path)).groups()
    with open(path) as f:
        for line in f:
            if line.startswith("RESULT "):
                runs[job][(int(rnd), side)] = dict(kv.split("=", 1) for kv in line.split()[1:])

def median(values):
    s = sorted(values)
    n = len(s)
    return None if n == 0 else s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2

print(f"| job | rounds | one core: wall s (median; per run) | one core: CPU s | {cores} cores: "
      f"wall s (median; per run) | {cores} cores: CPU s | ratio {cores} cores / one core "
      f"(medians) | per-round ratios | training threads one / {cores} | digests |")
print("|" + "---|" * 10)
for job, by in runs.items():
    rounds = sorted({r for r, _ in by})
    def walls(side):
        return [float(by[(r, side)]["wall_s"]) for r in rounds if (r, side) in by]
    def cpus(side):
        return [float(by[(r, side)]["cpu_s"]) for r in rounds if (r, side) in by]
    one, many = walls("one"), walls("many")
    ratios = [float(by[(r, "many")]["wall_s"]) / float(by[(r, "one")]["wall_s"])
              for r in rounds if (r, "one") in by and (r, "many") in by]
    threads = "/".join(",".join(sorted({by[k]["training_threads"] for k in by if k[1] == s}))
                       for s in ("one", "many"))
    digests = {f["digest"] for f in by.values()}
    identity = (f"all {len(by)} runs {digests.pop()} (bit-identical)" if len(digests) == 1
                else f"DIFFERENT: {', '.join(sorted(digests))}")
    m1, m2 = median(one), median(many)
    print(f"| {job} | {len(rounds)} | {m1:.2f}; {', '.join(f'{w:.2f}' for w in one)} | "
          f"{median(cpus('one')):.2f} | {m2:.2f}; {', '.join(f'{w:.2f}' for w in many)} | "
          f"{median(cpus('many')):.2f} | {m2 / m1:.3f} | "
          f"{', '.join(f'{x:.3f}' for x in ratios)} | {threads} | {identity} |")
PY
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/runs.txt"
