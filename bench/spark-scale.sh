#!/usr/bin/env bash
# Scaling benchmark of the Spark integration (docs/spark.md): fits the same 1,000 M4 hourly series
# on a local-cluster with 1 executor x 1 core, with 2 executors x 1 core (separate executor JVMs),
# and in one plain JVM with a pool of 1 and of 2 threads, alternating, ROUNDS times. One line per run.
#
#   bench/spark-scale.sh [ROUNDS] [MODE ...]
#
#   ROUNDS  rounds over the modes (default 2)
#   MODE    local-cluster[N,1,1024] or plain:THREADS (default: local-cluster[1,1,1024]
#           local-cluster[2,1,1024] plain:1 plain:2)
#
# Environment: SERIES (default 1000), LENGTH (values per series, default 240), EPOCHS (default 10),
# M4 (path of Hourly-train.csv, default ../shared/data/m4/Hourly-train.csv), EXECUTOR_JAVA_OPTS
# (JVM options of the executors, e.g. -XX:ActiveProcessorCount=1), PIN_EXECUTORS (1: each executor
# JVM on one core of its own, see below), OUT (result file,
# default target/bench/spark-scale-<time>.txt). Spark's local-cluster needs a SPARK_HOME whose jars/
# folder holds Spark's jars: the script links this project's test classpath into target/spark-home.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-2}
shift $(( $# < 1 ? $# : 1 ))
modes=("$@")
if (( ${#modes[@]} == 0 )); then
  modes=('local-cluster[1,1,1024]' 'local-cluster[2,1,1024]' 'plain:1' 'plain:2')
fi
series=${SERIES:-1000}
length=${LENGTH:-240}
epochs=${EPOCHS:-10}
m4=${M4:-../shared/data/m4/Hourly-train.csv}
out=${OUT:-target/bench/spark-scale-$(date -u +%Y%m%dT%H%M%S).txt}
mkdir -p "$(dirname "$out")"

mvn -B -q -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/spark-bench.classpath
classpath=$(cat target/spark-bench.classpath)
# a snapshot of the compiled classes, so that rebuilding during a long run changes nothing
classes=target/spark-bench
rm -rf "$classes" && mkdir -p "$classes" && cp -r target/classes target/test-classes "$classes/"
home=target/spark-home
rm -rf "$home" && mkdir -p "$home/jars"
IFS=: read -ra jars <<< "$classpath"
for jar in "${jars[@]}"; do
  ln -s "$jar" "$home/jars/$(basename "$jar")"
done
cores=$(nproc --all)
export SPARK_HOME=$PWD/$home SPARK_SCALA_VERSION=2.12 OMP_NUM_THREADS=1
# Spark's Java 17 module flags, as in the pom's spark.test.argLine
flags=$(sed -n 's:.*<spark.test.argLine>\(.*\)</spark.test.argLine>.*:\1:p' pom.xml)

echo "# $(date -u +%FT%TZ) $cores cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
# PIN_EXECUTORS=1: each executor JVM is confined to one core of its own (taskset, all threads), as a
# one-CPU container confines it on a cluster; the driver is not pinned.
pin_executors() {
  local seen=" " next=0 pid
  while sleep 0.5; do
    for pid in $(pgrep -f CoarseGrainedExecutorBackend || true); do
      if [[ $seen != *" $pid "* ]]; then
        taskset -a -p -c $(( next % cores )) "$pid" > /dev/null 2>&1 || true
        seen+="$pid "
        next=$(( next + 1 ))
      fi
    done
  done
}
if [[ ${PIN_EXECUTORS:-0} == 1 ]]; then
  pin_executors &
  pinner=$!
  trap 'kill $pinner 2>/dev/null || true' EXIT
fi

for (( round = 1; round <= rounds; round++ )); do
  for mode in "${modes[@]}"; do
    # shellcheck disable=SC2086
    nice -n 5 java $flags -Dbenchmark.executorClassPath="$PWD/$classes/classes" \
      -Dbenchmark.executorJavaOptions="${EXECUTOR_JAVA_OPTS:-}" \
      -cp "$classes/classes:$classes/test-classes:$classpath" \
      io.github.seriesforecaster.bench.SparkScaleBenchmark "$mode" "$series" "$length" "$epochs" "$m4" \
      2> >(grep -v -E '^\[|^\s+at |WARN|^$' >&2) | grep '^mode=' | tee -a "$out"
  done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
