#!/usr/bin/env bash
# The schema job of docker compose, run in the Cassandra image once the node is healthy:
# sets the superuser's password, applies schema.cql and creates the pipeline's two roles
# (the jobs' writer and the dashboard's reader). Idempotent: a rerun changes nothing.
set -euo pipefail
host="${CASSANDRA_HOST:-cassandra}"
: "${CASSANDRA_ADMIN_PASSWORD:?set it in .env}"
: "${IOTHOME_CASSANDRA_PASSWORD:?set it in .env}"
: "${DASHBOARD_CASSANDRA_PASSWORD:?set it in .env}"

cql() {
    cqlsh "$host" -u cassandra -p "$CASSANDRA_ADMIN_PASSWORD" --request-timeout=60 "$@"
}

# the image's superuser starts with the default password: replace it once
if ! cql -e "SELECT release_version FROM system.local" >/dev/null 2>&1; then
    echo "setting the superuser's password"
    cqlsh "$host" -u cassandra -p cassandra --request-timeout=60 \
        -e "ALTER ROLE cassandra WITH PASSWORD = '$CASSANDRA_ADMIN_PASSWORD'"
fi

echo "applying schema.cql"
cql -f /schema/schema.cql

echo "creating the roles iothome (jobs) and dashboard (read only)"
cql -e "
CREATE ROLE IF NOT EXISTS iothome WITH LOGIN = true AND PASSWORD = '$IOTHOME_CASSANDRA_PASSWORD';
ALTER ROLE iothome WITH PASSWORD = '$IOTHOME_CASSANDRA_PASSWORD';
GRANT SELECT ON KEYSPACE streaming TO iothome;
GRANT MODIFY ON KEYSPACE streaming TO iothome;
GRANT SELECT ON KEYSPACE my_batch TO iothome;
GRANT MODIFY ON KEYSPACE my_batch TO iothome;
CREATE ROLE IF NOT EXISTS dashboard WITH LOGIN = true AND PASSWORD = '$DASHBOARD_CASSANDRA_PASSWORD';
ALTER ROLE dashboard WITH PASSWORD = '$DASHBOARD_CASSANDRA_PASSWORD';
GRANT SELECT ON KEYSPACE streaming TO dashboard;
GRANT SELECT ON KEYSPACE my_batch TO dashboard;"
echo "schema and roles ready"
