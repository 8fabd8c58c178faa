#!/usr/bin/env bash
# Runs the library's PerformanceBenchmark and the PyTorch reference alternately (ours, PyTorch,
# ours, PyTorch, ...) and prints per configuration the median ms per epoch of each side and the
# ratio PyTorch time / our time. See docs/performance.md.
#
#   bench/compare.sh [quick|full] [ROUNDS] [CONFIG ...]
#
#   quick|full  epoch and call counts (default quick: fewer epochs, 1,000 single predictions)
#   ROUNDS      rounds of both sides per configuration (default 3)
#   CONFIG      tutorial, realistic, scale (default: all three)
#
# Environment: ARGS (extra options for both sides, e.g. "--epochs 10 --warmup 2 --batch 64"),
# USDCHF (path of usdchf_30min.csv, default ../shared/data/usdchf_30min.csv),
# JAVA_OPTS (extra JVM options for our side, default none), PYTORCH_ARGS (extra options for the
# PyTorch side, default "--refit": it trains a fold network and then refits on every value, the
# job our fit does; PYTORCH_ARGS= gives its old single training), OUT (result folder, default
# target/bench/<time>). Every run's output stays in OUT; summarize.py reads it again at any time.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-quick}
rounds=${2:-3}
if [[ $mode != quick && $mode != full ]]; then
  echo "usage: bench/compare.sh [quick|full] [ROUNDS] [tutorial|realistic|scale ...]" >&2
  exit 2
fi
if ! [[ $rounds =~ ^[1-9][0-9]*$ ]]; then
  echo "ROUNDS must be a positive number, was '$rounds'" >&2
  exit 2
fi
shift $(( $# < 2 ? $# : 2 ))
configs=("$@")
if (( ${#configs[@]} == 0 )); then
  configs=(tutorial realistic scale)
fi
usdchf=${USDCHF:-../shared/data/usdchf_30min.csv}
out=${OUT:-target/bench/$(date +%Y%m%d-%H%M%S)-$mode}
# the summary reads every result file in the folder: an old run's files would be mixed in
if [[ -n $(ls -A "$out" 2>/dev/null) ]]; then
  echo "result folder $out is not empty; choose another OUT" >&2
  exit 2
fi
mkdir -p "$out"

# PyTorch as Debian ships it. Debian's python3-torch links the generic libblas.so.3, which is the
# slow reference BLAS unless an optimised one is installed: OpenBLAS makes the reference what a
# PyTorch user gets (pip wheels bring MKL or OpenBLAS). It does not touch our side: ND4J bundles
# its own OpenBLAS.
dpkg -s python3-torch >/dev/null 2>&1 || { apt-get update && apt-get install -y python3-torch; }
dpkg -s libopenblas0-pthread >/dev/null 2>&1 || apt-get install -y libopenblas0-pthread \
  || { apt-get update && apt-get install -y libopenblas0-pthread; }

echo "compiling (once)"
mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

# A plain JVM per run, not exec:java: the peak resident memory is then the benchmark's own,
# not Maven's as well.
run_ours() {
  # shellcheck disable=SC2086  # JAVA_OPTS holds several words
  java ${JAVA_OPTS:-} -cp "$classpath" io.github.seriesforecaster.bench.PerformanceBenchmark \
    --config "$1" --mode "$mode" --usdchf "$usdchf" ${ARGS:-}
}
run_pytorch() {
  # shellcheck disable=SC2086  # ARGS holds several words
  /usr/bin/python3 bench/pytorch_reference.py --config "$1" --mode "$mode" --usdchf "$usdchf" \
    ${ARGS:-} ${PYTORCH_ARGS---refit}
}

echo "mode $mode, $rounds rounds, configurations ${configs[*]}; results in $out"
echo "machine: $(nproc) processors; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for config in "${configs[@]}"; do
  for (( round = 1; round <= rounds; round++ )); do
    for side in dl4j pytorch; do
      file="$out/$config-r$round-$side.txt"
      echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)" > "$file"
      start=$SECONDS
      if [[ $side == dl4j ]]; then
        run_ours "$config" >> "$file" 2> "${file%.txt}.log"
      else
        run_pytorch "$config" >> "$file" 2> "${file%.txt}.log"
      fi
      echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$file"
      printf '%-9s round %d %-7s %4d s  %s %s\n' "$config" "$round" "$side" \
        $(( SECONDS - start )) "$(grep -m1 -o ' ms_per_epoch=[0-9.]*' "$file")" \
        "$(grep -m1 -o ' fit_s=[0-9.]*' "$file")"
    done
  done
done

echo
/usr/bin/python3 bench/summarize.py "$out"/*.txt | tee "$out/summary.md"
