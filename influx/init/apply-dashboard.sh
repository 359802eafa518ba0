#!/bin/bash
# Run once by the InfluxDB 2 image right after its first setup (docker-entrypoint-initdb.d):
# applies the live-monitoring dashboard template to the org the setup created.
set -euo pipefail
influx apply --org "${DOCKER_INFLUXDB_INIT_ORG}" --file /etc/iothome/live-dashboard.yml \
    --force yes
