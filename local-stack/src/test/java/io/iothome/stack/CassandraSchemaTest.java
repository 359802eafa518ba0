package io.iothome.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CassandraSchemaTest {

    @Test
    void everyStatementIsIdempotent() {
        List<String> statements = CassandraSchema.statements("streaming", "my_batch");

        assertThat(statements).hasSize(19).allMatch(s -> s.contains("IF NOT EXISTS"));
    }

    @Test
    void keyspacesAreRenamedEverywhereAndOnlyThere() {
        List<String> statements = CassandraSchema.statements("streaming_t1", "my_batch_t1");

        assertThat(statements.get(0)).startsWith("CREATE KEYSPACE IF NOT EXISTS streaming_t1\n");
        assertThat(statements.get(1)).startsWith("CREATE KEYSPACE IF NOT EXISTS my_batch_t1\n");
        assertThat(String.join("\n", statements))
                .contains("streaming_t1.raw_row_dataset")
                .contains("my_batch_t1.weather_prediction")
                .doesNotContain(" streaming.")
                .doesNotContain(" my_batch.");
    }
}
