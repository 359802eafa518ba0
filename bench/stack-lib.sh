# Shared by the benchmark scripts: a throw-away local stack on free ports.
# Usage: source bench/stack-lib.sh; bench_stack_start <work dir>; ...; bench_stack_stop

bench_stack_start() {
    local dir="$1"
    rm -rf "$dir"
    mkdir -p "$dir"
    ./local-stack/run.sh --work-dir "$dir" --free-ports --clean > "$dir/launcher.log" 2>&1 &
    BENCH_STACK_PID=$!
    for _ in $(seq 1 180); do
        if [[ -f "$dir/stack.properties" ]]; then break; fi
        if ! kill -0 "$BENCH_STACK_PID" 2>/dev/null; then
            echo "the local stack did not start; see $dir/launcher.log" >&2
            tail -20 "$dir/launcher.log" >&2
            exit 1
        fi
        sleep 1
    done
    BENCH_KAFKA=$(grep '^kafka.bootstrap.servers=' "$dir/stack.properties" | cut -d= -f2)
    BENCH_CASSANDRA_PORT=$(grep '^cassandra.port=' "$dir/stack.properties" | cut -d= -f2)
    BENCH_INFLUX=$(grep '^influx.url=' "$dir/stack.properties" | cut -d= -f2- | sed 's/\\:/:/g')
    BENCH_KAFKA=${BENCH_KAFKA//\\:/:}
    export BENCH_KAFKA BENCH_CASSANDRA_PORT BENCH_INFLUX
}

bench_stack_stop() {
    if [[ -n "${BENCH_STACK_PID:-}" ]]; then
        kill -TERM "$BENCH_STACK_PID" 2>/dev/null || true
        wait "$BENCH_STACK_PID" 2>/dev/null || true
    fi
}

# The Kafka tools' classpath (ProducerPerformance, topic admin), as local-stack resolved it.
bench_kafka_classpath() {
    unzip -p local-stack/classpaths/kafka/target/local-stack-kafka-classpath-*.jar \
        META-INF/iothome/kafka.classpath
}

bench_create_topic() {
    java -cp "$(bench_kafka_classpath)" -Dlog4j2.level=warn org.apache.kafka.tools.TopicCommand \
        --bootstrap-server "$BENCH_KAFKA" --create --topic "$1" --partitions 1 \
        --replication-factor 1 > /dev/null
}

bench_median() {
    sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'
}
