#!/usr/bin/env bash
# The ML job on a generated full year: a throw-away stack, the batch job (to build the hourly
# table), then the ML job; prints the metrics of every (target, setup) and the training times.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/stack-lib.sh

work="$(pwd)/.local-stack/bench-ml"
file="data/HomeC-generated.csv"
./mvnw -q -B install -DskipTests -Dspotless.check.skip -pl batch-job,ml-job,data,local-stack -am
if [[ ! -f "$file" ]]; then java -jar data/target/data-generator.jar --output "$file"; fi

trap bench_stack_stop EXIT
bench_stack_start "$work"
./batch-job/run.sh -i "$(realpath "$file")" --cassandra-port "$BENCH_CASSANDRA_PORT" \
    2> "$work/batch.err"
grep "Batch run done" "$work/batch.err" | cut -c1-140
./ml-job/run.sh --cassandra-port "$BENCH_CASSANDRA_PORT" --model-dir "$work/models" \
    2> "$work/ml.err"
grep -E "Result:|hours|ERROR" "$work/ml.err"
