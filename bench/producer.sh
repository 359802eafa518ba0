#!/usr/bin/env bash
# Producer benchmark: the project's producer against Kafka's own ProducerPerformance tool, same
# broker, same records count and size, same acks, idempotence, batching and compression; three
# runs each, alternating. Prints each run and the medians; the ratio is ours / the tool's.
#
#   bench/producer.sh [rows]        (default: a full year, 503,910 rows)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/stack-lib.sh

rows="${1:-503910}"
work="$(pwd)/.local-stack/bench-producer"
file="data/HomeC-generated.csv"

./mvnw -q -B install -DskipTests -Dspotless.check.skip -pl producer,data,local-stack -am
if [[ ! -f "$file" ]]; then
    java -jar data/target/data-generator.jar --output "$file"
fi
record_size=$(( $(head -n $((rows + 1)) "$file" | tail -n "$rows" | wc -c) / rows ))

trap bench_stack_stop EXIT
bench_stack_start "$work"
echo "broker $BENCH_KAFKA; $rows rows of about $record_size bytes from $file"

ours=(); tool=()
for run in 1 2 3; do
    bench_create_topic "bench-ours-$run"
    rate=$(java -jar producer/target/producer.jar -i "$file" -b "$BENCH_KAFKA" \
              -t "bench-ours-$run" --limit "$rows" --progress none 2>&1 \
           | sed -n 's/.*Summary: .* (\([0-9]*\) rows\/s).*/\1/p')
    ours+=("$rate")
    echo "run $run producer:            $rate records/s"

    bench_create_topic "bench-tool-$run"
    rate=$(java -cp "$(bench_kafka_classpath)" org.apache.kafka.tools.ProducerPerformance \
              --topic "bench-tool-$run" --num-records "$rows" --record-size "$record_size" \
              --throughput -1 --producer-props bootstrap.servers="$BENCH_KAFKA" acks=all \
              enable.idempotence=true compression.type=lz4 linger.ms=20 batch.size=524288 \
              buffer.memory=67108864 2>/dev/null \
           | tail -1 | sed -n 's/.* records sent, \([0-9.]*\) records\/sec.*/\1/p')
    tool+=("${rate%.*}")
    echo "run $run ProducerPerformance: ${rate%.*} records/s"
done

ours_median=$(printf '%s\n' "${ours[@]}" | bench_median)
tool_median=$(printf '%s\n' "${tool[@]}" | bench_median)
echo "median producer: $ours_median records/s; median ProducerPerformance: $tool_median records/s"
awk -v a="$ours_median" -v b="$tool_median" 'BEGIN {printf "ratio producer / tool: %.2f\n", a / b}'
