#!/usr/bin/env bash
# Dashboard timings: the server side time of each view on what the running stack holds (run
# ./pipeline.sh on the full generated year first, and leave it serving).
#
#   bench/dashboard.sh [cassandra port] [runs]     (default: 9042, 7)
#
# Each action builds or switches a view in a mock Vaadin session (Karibu), its reads going to
# the real Cassandra; the time includes the reads and building the charts' options, not the
# network or the browser's drawing. Note the Explore actions include opening the view (its
# default, All, reads the day index and the first page).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B install -DskipTests -Dspotless.check.skip -pl dashboard -am
./mvnw -q -B -pl dashboard test-compile dependency:build-classpath -Dspotless.check.skip \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -cp "dashboard/target/test-classes:dashboard/target/classes:$(cat dashboard/target/bench.classpath)" \
    io.iothome.dashboard.DashboardTimings "${1:-9042}" "${2:-7}" 2>/dev/null | grep RESULT
