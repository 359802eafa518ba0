package io.iothome.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import io.iothome.stack.testing.LocalStackExtension;
import io.iothome.stack.testing.TestNamespace;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class CassandraTablesRoundTripIntegrationTest {

    /** Every table the schema file creates, as the jobs and the dashboard expect them. */
    private static final List<String> STREAMING_TABLES =
            List.of("raw_row_dataset", "rejected_records");

    private static final List<String> BATCH_TABLES =
            List.of(
                    "preprocessed_row_dataset",
                    "rejected_records",
                    "kw_use_all_time",
                    "kw_use_month",
                    "kw_use_day_of_week",
                    "kw_use_day",
                    "weather_all_time",
                    "weather_month",
                    "weather_day_of_week",
                    "weather_day",
                    "weather_prediction",
                    "appliance_kwh_month",
                    "column_histogram",
                    "model_metrics",
                    "model_predictions");

    @Test
    void everyTableOfTheSchemaStoresAndReturnsARowOfEveryColumn(TestNamespace namespace) {
        TestNamespace.Keyspaces keyspaces = namespace.keyspaces();
        CqlSession session = namespace.cassandra();

        List<String> checked = new ArrayList<>();
        for (String table : STREAMING_TABLES) {
            roundTrip(session, keyspaces.streaming(), table);
            checked.add(keyspaces.streaming() + "." + table);
        }
        for (String table : BATCH_TABLES) {
            roundTrip(session, keyspaces.batch(), table);
            checked.add(keyspaces.batch() + "." + table);
        }

        // no table of the schema went unchecked
        int created =
                keyspace(session, keyspaces.streaming()).getTables().size()
                        + keyspace(session, keyspaces.batch()).getTables().size();
        assertThat(checked).hasSize(created);
    }

    @Test
    void schemaAppliedTwiceChangesNothing(TestNamespace namespace) {
        TestNamespace.Keyspaces keyspaces = namespace.keyspaces();
        CqlSession session = namespace.cassandra();
        int before = keyspace(session, keyspaces.batch()).getTables().size();

        CassandraSchema.apply(session, keyspaces.streaming(), keyspaces.batch());

        assertThat(keyspace(session, keyspaces.batch()).getTables()).hasSize(before);
    }

    @Test
    void rawReadingsOfADayComeBackNewestFirst(TestNamespace namespace) {
        TestNamespace.Keyspaces keyspaces = namespace.keyspaces();
        CqlSession session = namespace.cassandra();
        String insert =
                "INSERT INTO "
                        + keyspaces.streaming()
                        + ".raw_row_dataset (house_id, day, event_time, use_kw) VALUES (?, ?, ?,"
                        + " ?)";
        LocalDate day = LocalDate.parse("2016-01-01");
        for (int minute = 0; minute < 5; minute++) {
            session.execute(
                    insert,
                    "home-c",
                    day,
                    Instant.parse("2016-01-01T05:00:00Z").plusSeconds(60L * minute),
                    (double) minute);
        }
        // a replayed reading overwrites itself
        session.execute(insert, "home-c", day, Instant.parse("2016-01-01T05:04:00Z"), 4.0);

        List<Row> rows =
                session.execute(
                                "SELECT event_time, use_kw FROM "
                                        + keyspaces.streaming()
                                        + ".raw_row_dataset WHERE house_id = ? AND day = ?"
                                        + " LIMIT 3",
                                "home-c",
                                day)
                        .all();

        assertThat(rows).extracting(r -> r.getDouble("use_kw")).containsExactly(4.0, 3.0, 2.0);
        assertThat(
                        session.execute(
                                        "SELECT count(*) FROM "
                                                + keyspaces.streaming()
                                                + ".raw_row_dataset WHERE house_id = ? AND day = ?",
                                        "home-c",
                                        day)
                                .one()
                                .getLong(0))
                .isEqualTo(5);
    }

    private static void roundTrip(CqlSession session, String keyspace, String table) {
        TableMetadata metadata =
                keyspace(session, keyspace)
                        .getTable(table)
                        .orElseThrow(() -> new AssertionError(keyspace + "." + table + " missing"));

        Map<String, Object> values = new LinkedHashMap<>();
        for (ColumnMetadata column : metadata.getColumns().values()) {
            values.put(column.getName().asInternal(), sample(column.getType()));
        }
        String columns = String.join(", ", values.keySet());
        String markers = String.join(", ", values.keySet().stream().map(c -> "?").toList());
        session.execute(
                SimpleStatement.newInstance(
                        "INSERT INTO "
                                + keyspace
                                + "."
                                + table
                                + " ("
                                + columns
                                + ") VALUES ("
                                + markers
                                + ")",
                        values.values().toArray()));

        // read back by the full primary key
        List<String> conditions = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        for (ColumnMetadata key : metadata.getPrimaryKey()) {
            conditions.add(key.getName().asInternal() + " = ?");
            keys.add(values.get(key.getName().asInternal()));
        }
        Row row =
                session.execute(
                                SimpleStatement.newInstance(
                                        "SELECT * FROM "
                                                + keyspace
                                                + "."
                                                + table
                                                + " WHERE "
                                                + String.join(" AND ", conditions),
                                        keys.toArray()))
                        .one();
        assertThat(row).as(table).isNotNull();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            assertThat(row.getObject(CqlIdentifier.fromInternal(entry.getKey())))
                    .as(table + "." + entry.getKey())
                    .isEqualTo(entry.getValue());
        }
    }

    private static Object sample(DataType type) {
        if (type.equals(DataTypes.TEXT)) {
            return "round-trip";
        }
        if (type.equals(DataTypes.DOUBLE)) {
            return 3.33e-5;
        }
        if (type.equals(DataTypes.BIGINT)) {
            return 1451624400L;
        }
        if (type.equals(DataTypes.INT)) {
            return 7;
        }
        if (type.equals(DataTypes.DATE)) {
            return LocalDate.parse("2016-01-01");
        }
        if (type.equals(DataTypes.TIMESTAMP)) {
            return Instant.parse("2016-01-01T05:00:00Z");
        }
        if (type.equals(DataTypes.listOf(DataTypes.TEXT))) {
            return List.of("temperature_lag_1", "hour_of_day");
        }
        throw new AssertionError("no sample value for CQL type " + type);
    }

    private static KeyspaceMetadata keyspace(CqlSession session, String name) {
        session.refreshSchema();
        return session.getMetadata()
                .getKeyspace(name)
                .orElseThrow(() -> new AssertionError("keyspace " + name + " missing"));
    }
}
