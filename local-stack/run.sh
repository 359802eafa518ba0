#!/usr/bin/env bash
# Runs the local stack from a built checkout: ./local-stack/run.sh --help
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [[ ! -f "$here/target/launcher.classpath" || ! -d "$here/target/classes" ]]; then
    echo "local-stack is not built yet: building it (./mvnw -q install -pl local-stack -am)" >&2
    (cd "$here/.." && ./mvnw -q -B install -pl local-stack -am -DskipTests)
fi
java17="${IOTHOME_JAVA17_HOME:-${JAVA_HOME:-}}"
java_bin="java"
if [[ -n "$java17" && -x "$java17/bin/java" ]]; then java_bin="$java17/bin/java"; fi
exec "$java_bin" -cp "$here/target/classes:$(cat "$here/target/launcher.classpath")" \
    io.iothome.stack.LocalStackCommand "$@"
