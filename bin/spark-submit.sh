#!/usr/bin/env bash
# spark-submit for a machine without a Spark distribution: Spark's own launcher and SparkSubmit,
# run from Spark 3.5's jars as Maven resolved them (module local-stack/classpaths/spark), laid out
# as a SPARK_HOME in .local-stack/spark-home (or $IOTHOME_SPARK_HOME). Takes spark-submit's
# options; the master is local[*] unless --master names one, e.g. the cluster of
# ./local-stack/run.sh --spark-cluster:
#   bin/spark-submit.sh --master spark://127.0.0.1:7077 --class io.iothome.batch.BatchJobCommand \
#       batch-job/target/batch-job.jar --input data/HomeC.csv
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
stack="$root/local-stack"
if [[ ! -f "$stack/target/launcher.classpath" || ! -d "$stack/target/classes" ]]; then
    echo "local-stack is not built yet: building it" >&2
    (cd "$root" && ./mvnw -q -B install -DskipTests -Dspotless.check.skip -pl local-stack -am)
fi
if [[ -n "${IOTHOME_JAVA17_HOME:-}" ]]; then export JAVA_HOME="$IOTHOME_JAVA17_HOME"; fi
java_bin="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then java_bin="$JAVA_HOME/bin/java"; fi

home="${IOTHOME_SPARK_HOME:-$root/.local-stack/spark-home}"
"$java_bin" -cp "$stack/target/classes:$(cat "$stack/target/launcher.classpath")" \
    io.iothome.stack.SparkHome "$home"
export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

# The launcher prints what to run (driver memory, JDK 17 module options, classpath): first a NUL
# and a newline, then every argument followed by a NUL.
launch="$(mktemp)"
if ! "$java_bin" -Xmx128m -cp "$home/jars/*" org.apache.spark.launcher.Main \
        org.apache.spark.deploy.SparkSubmit "$@" > "$launch"; then
    cat "$launch" >&2
    rm -f "$launch"
    exit 1
fi
mapfile -d '' -t parts < "$launch"
rm -f "$launch"
if [[ -n "${parts[0]:-}" ]]; then printf '%s\n' "${parts[0]}" >&2; fi
command=("${parts[@]:1}")
if (( ${#command[@]} == 0 )); then
    echo "spark-submit.sh: Spark's launcher gave no command" >&2
    exit 1
fi
command[0]="${command[0]#$'\n'}"
exec "${command[@]}"
