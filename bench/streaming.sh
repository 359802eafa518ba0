#!/usr/bin/env bash
# Streaming job benchmark: a generated full year already in Kafka, drained through the job into
# Cassandra and the InfluxDB-write server (rows/s end to end, write time per sink); the same rows
# written straight into the same table with the driver's async API (the ceiling); then p50/p95
# latency from produce to row visible in Cassandra at a steady 200 rows/s with a 1 s trigger.
# Also prints the stack's memory (RSS) after the run.
#
#   bench/streaming.sh [latency seconds]     (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/stack-lib.sh

seconds="${1:-60}"
work="$(pwd)/.local-stack/bench-streaming"
file="data/HomeC-generated.csv"
./mvnw -q -B install -DskipTests -Dspotless.check.skip -pl streaming-job,producer,data,local-stack -am
if [[ ! -f "$file" ]]; then java -jar data/target/data-generator.jar --output "$file"; fi

trap bench_stack_stop EXIT
bench_stack_start "$work"
bench_create_topic iothome-readings-latency
java -jar producer/target/producer.jar -i "$file" -b "$BENCH_KAFKA" --progress none 2>&1 \
    | grep Summary
IOTHOME_JAVA_OPTS="-Xmx2g" ./bin/run-module.sh streaming-job \
    io.iothome.streaming.bench.StreamingBenchmark "$BENCH_KAFKA" iothome-readings \
    "$(realpath "$file")" "$BENCH_CASSANDRA_PORT" "$BENCH_INFLUX" "$work/checkpoints" \
    "$seconds" iothome-readings-latency 2> "$work/bench.err" | grep RESULT || {
        grep -E "ERROR|Exception" "$work/bench.err" | head -20; exit 1; }
grep -E "Micro-batch" "$work/bench.err" | head -3
echo "points in the line-protocol store: $(curl -s "$BENCH_INFLUX/exp?query=SELECT%20count()%20FROM%20iothome_data" | tail -1)"
echo "stack RSS after the run:"
ps -eo rss,args | grep ParentWatchdog | grep -v grep \
    | awk '{n=$NF; sub(/.*\./, "", n); printf "  %-20s %5.0f MB\n", $NF, $1/1024; t+=$1} END {printf "  total                %5.0f MB\n", t/1024}'
