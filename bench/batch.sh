#!/usr/bin/env bash
# Batch job benchmark: the generated full year (503,910 rows) through the batch job on local
# Spark (2 GB heap) into a throw-away local stack. Prints the job's stage lines (time per stage,
# and the aggregates' Spark compute alone on the cached DataFrame), the total and the peak RSS.
#
#   bench/batch.sh [rows]        (default: the full year)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/stack-lib.sh

rows="${1:-503910}"
work="$(pwd)/.local-stack/bench-batch"
file="data/HomeC-generated.csv"
./mvnw -q -B install -DskipTests -Dspotless.check.skip -pl batch-job,data,local-stack -am
if [[ ! -f "$file" ]]; then java -jar data/target/data-generator.jar --output "$file"; fi
input="$file"
if [[ "$rows" != 503910 ]]; then
    input="$work-input.csv"
    head -n $((rows + 1)) "$file" > "$input"
fi

trap bench_stack_stop EXIT
bench_stack_start "$work"
echo "Cassandra on port $BENCH_CASSANDRA_PORT; input $input"

start=$(date +%s.%N)
IOTHOME_JAVA_OPTS="-Xmx2g" /usr/bin/time -v ./batch-job/run.sh -i "$(realpath "$input")" \
    --cassandra-port "$BENCH_CASSANDRA_PORT" --measure-compute 2> "$work/batch.err"
end=$(date +%s.%N)
grep -E "Stage|Batch run done|ERROR" "$work/batch.err" || true
awk -v s="$start" -v e="$end" 'BEGIN {printf "wall time including JVM and Spark start: %.1f s\n", e - s}'
grep "Maximum resident set size" "$work/batch.err" \
    | awk '{printf "peak RSS of the job JVM: %.0f MB (heap capped at 2 GB)\n", $6 / 1024}'
