#!/usr/bin/env bash
# Runs a module's main class on its full classpath (Spark included), without spark-submit:
#   bin/run-module.sh <module> <main class> [arguments...]
# Builds the module first when it has not been built.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
module="$1"; main="$2"; shift 2
dir="$root/$module"
if [[ ! -f "$dir/target/run.classpath" || ! -d "$dir/target/classes" ]]; then
    echo "$module is not built yet: building it" >&2
    (cd "$root" && ./mvnw -q -B install -DskipTests -Dspotless.check.skip -pl "$module" -am)
fi
java17="${IOTHOME_JAVA17_HOME:-${JAVA_HOME:-}}"
java_bin="java"
if [[ -n "$java17" && -x "$java17/bin/java" ]]; then java_bin="$java17/bin/java"; fi
# the JDK 17 module options Spark needs (spark-launcher's JavaModuleOptions)
spark_options=(-XX:+IgnoreUnrecognizedVMOptions
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
    --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
    --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
    --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
    -Djdk.reflect.useDirectMethodHandle=false)
exec "$java_bin" "${spark_options[@]}" ${IOTHOME_JAVA_OPTS:--Xmx2g} \
    -cp "$dir/target/classes:$(cat "$dir/target/run.classpath")" "$main" "$@"
