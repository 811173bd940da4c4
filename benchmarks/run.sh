#!/usr/bin/env bash
# Runs backprop's benchmarks and writes benchmarks/results/:
#   jmh-<Class>.json      JMH's results, one JMH run per function (-rf json, -prof gc)
#   jax.json              JAX's jit(value_and_grad) of the same functions, where PYTHON has JAX
#   interleaved.json      CPU times of each function's implementations called in turn, round
#                         after round, in one JVM (Interleaved: the ratios to read on a shared machine)
#   processor-cost.json   the processor's compile-time cost
#   RESULTS.md            the table of ns/op, B/op and ratios, with machine info
#
# From the repository root:   bash benchmarks/run.sh
# A full run takes about 25 minutes on 2 cores. Everything is overridable by environment:
#   JMH_ARGS     extra JMH options, after the defaults; e.g. a quick check:
#                JMH_ARGS="-f 1 -wi 1 -i 2 -w 1s -r 1s" bash benchmarks/run.sh
#   BENCHMARKS   which benchmark classes (default: the eight of the table, in order)
#   FORK_JVM     options of each forked benchmark JVM (default: a fixed, pre-touched 1 GB heap,
#                so that allocating benchmarks do not time the kernel's first touch of new pages)
#   COST_ARGS    options of the processor-cost program (default: 1000 methods, 3 warm-up and
#                7 measured compilations of each kind), e.g. COST_ARGS="--warmup 1 --runs 3"
#   INTERLEAVED_ARGS  options and groups of Interleaved (default: 700 rounds of warm-up, as a
#                training loop makes, so that the one-call-per-batch gradients are fully compiled,
#                then 30 measured rounds, every group)
#   SKIP_INTERLEAVED=1  skip Interleaved
#   PYTHON       the python of benchmarks/jax/anchors.py (default python3); without JAX there,
#                the JAX anchors are skipped (e.g. python3 -m venv v && v/bin/pip install jax)
#   SKIP_COST=1  skip the processor-cost benchmark
#   SKIP_BUILD=1 reuse the last build (benchmarks/target)
#   JAVA         the java to run (default: $JAVA_HOME/bin/java, else java on the PATH); the build
#                uses Maven's JDK, set JAVA_HOME to change both
set -euo pipefail
cd "$(dirname "$0")/.."

RESULTS=benchmarks/results
BENCHMARKS=${BENCHMARKS:-"QuadraticBenchmark AffineLossBenchmark RosenbrockBenchmark LogisticRegressionBenchmark MlpBenchmark Mlp784Benchmark StaticDataBenchmark NormalCdfBenchmark"}
# A heap that grows touches fresh pages as it goes; on a machine short of memory, each first touch
# costs the allocating thread microseconds, and a benchmark that allocates then runs up to five
# times slower in some iterations than in others (NormalCdf's generated/primal: 2.4x or 11.5x).
FORK_JVM=${FORK_JVM:-"-Xms1g -Xmx1g -XX:+AlwaysPreTouch"}
JMH_ARGS=${JMH_ARGS:-}
COST_ARGS=${COST_ARGS:-}
INTERLEAVED_ARGS=${INTERLEAVED_ARGS:-"--warmup 700 --rounds 30 all"}
if [ -n "${JAVA:-}" ]; then
  :
elif [ -n "${JAVA_HOME:-}" ]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA=java
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== build (mvn package, tests skipped: mvn verify runs them)"
  # -Pbench writes benchmarks/target/classpath.txt.
  mvn -B -q -ntp -DskipTests -Pbench -pl benchmarks -am package
fi
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

mkdir -p "$RESULTS"
rm -f "$RESULTS"/jmh-*.json "$RESULTS"/interleaved.json "$RESULTS"/jax.json "$RESULTS"/processor-cost.json \
  "$RESULTS"/RESULTS.md

start=$(date +%s)
for b in $BENCHMARKS; do
  echo "== JMH: $b"
  # Defaults come from the classes' annotations (1 fork, 3 × 1 s warm-up, 5 × 1 s measurement,
  # average time in ns/op); JMH_ARGS overrides them. -foe: a failing setup (the implementations
  # disagree) stops the run instead of leaving a hole in the table.
  # shellcheck disable=SC2086
  "$JAVA" -cp "$CP" org.openjdk.jmh.Main "^io\\.github\\.backprop\\.benchmarks\\.$b\\." \
    -prof gc -foe true -rf json -rff "$RESULTS/jmh-$b.json" -jvmArgsAppend "$FORK_JVM" $JMH_ARGS
done

if [ "${SKIP_INTERLEAVED:-0}" != 1 ]; then
  echo "== Interleaved: $INTERLEAVED_ARGS"
  # shellcheck disable=SC2086
  "$JAVA" $FORK_JVM -cp "$CP" io.github.backprop.benchmarks.Interleaved \
    --json "$RESULTS/interleaved.json" $INTERLEAVED_ARGS
fi

PYTHON=${PYTHON:-python3}
if "$PYTHON" -c 'import jax' 2>/dev/null; then
  echo "== JAX anchors"
  # One core, as the Java benchmarks use one thread.
  pin=""
  if command -v taskset >/dev/null; then pin="taskset -c 0"; fi
  $pin "$PYTHON" benchmarks/jax/anchors.py "$RESULTS/jax.json"
else
  echo "== JAX anchors skipped: $PYTHON has no jax"
fi

if [ "${SKIP_COST:-0}" != 1 ]; then
  echo "== processor cost"
  # shellcheck disable=SC2086
  "$JAVA" -cp "$CP" io.github.backprop.benchmarks.cost.ProcessorCost \
    --out "$RESULTS/processor-cost.json" $COST_ARGS
fi

"$JAVA" -cp "$CP" io.github.backprop.benchmarks.report.ResultsTable "$RESULTS"
echo "== done in $(( $(date +%s) - start )) s (after the build): $RESULTS/RESULTS.md"
