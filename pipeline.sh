#!/usr/bin/env bash
# The whole pipeline on this machine, without Docker: ./pipeline.sh --help
# Builds what is missing (first time: a few minutes), then runs the local stack, the producer,
# the streaming, batch and ML jobs (local Spark, or --spark-cluster) and the dashboard; Ctrl-C stops
# everything it started.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"

# JDK 17: Cassandra 5.0 and Spark 3.5 run on it
if ! java -version 2>&1 | grep -q '"17\.'; then
    for candidate in "${IOTHOME_JAVA17_HOME:-}" /usr/lib/jvm/java-17-openjdk-amd64 \
            /usr/lib/jvm/temurin-17-jdk-amd64; do
        if [[ -n "$candidate" && -x "$candidate/bin/java" ]]; then
            export JAVA_HOME="$candidate" PATH="$candidate/bin:$PATH"
            break
        fi
    done
fi
if ! java -version 2>&1 | grep -q '"17\.'; then
    echo "pipeline.sh needs a JDK 17 (java -version says: $(java -version 2>&1 | head -1))" >&2
    exit 1
fi

# build once; a rerun reuses the jars (./mvnw install -DskipTests rebuilds after a change)
needed=(pipeline/target/run.classpath pipeline/target/classes dashboard/target/dashboard.jar
    producer/target/producer.jar data/target/data-generator.jar
    streaming-job/target/run.classpath batch-job/target/run.classpath ml-job/target/run.classpath
    streaming-job/target/streaming-job.jar batch-job/target/batch-job.jar ml-job/target/ml-job.jar
    local-stack/target/classes local-stack/target/launcher.classpath)
for path in "${needed[@]}"; do
    if [[ ! -e "$root/$path" ]]; then
        echo "Building the project once (./mvnw install -DskipTests; a few minutes)..." >&2
        (cd "$root" && ./mvnw -q -B install -DskipTests -Dspotless.check.skip)
        break
    fi
done

exec java -Diothome.root="$root" \
    -cp "$root/pipeline/target/classes:$(cat "$root/pipeline/target/run.classpath")" \
    io.iothome.pipeline.PipelineCommand "$@"
