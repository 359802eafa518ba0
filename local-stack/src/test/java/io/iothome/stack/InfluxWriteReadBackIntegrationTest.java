package io.iothome.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import io.iothome.stack.testing.LocalStackExtension;
import io.iothome.stack.testing.TestNamespace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class InfluxWriteReadBackIntegrationTest {

    @Test
    void pointsWrittenWithTheInfluxClientAreReadBackAndAReplayOverwrites(TestNamespace namespace)
            throws Exception {
        String measurement = namespace.measurement("iothome_data");
        List<Point> points = new ArrayList<>();
        for (int minute = 0; minute < 100; minute++) {
            points.add(
                    Point.measurement(measurement)
                            .addTag("house_id", "home-c")
                            .addField("use_kw", 0.5 + minute)
                            .addField("temperature", 2.3)
                            .time(
                                    Instant.parse("2016-01-01T05:00:00Z").plusSeconds(60L * minute),
                                    WritePrecision.S));
        }

        // step 1: the official client's blocking write, as the streaming job does it
        try (InfluxDBClient client =
                InfluxDBClientFactory.create(
                        namespace.endpoints().influxUrl(),
                        "any-token".toCharArray(),
                        "iothome",
                        "iothome_bucket")) {
            WriteApiBlocking writer = client.getWriteApiBlocking();
            writer.writePoints(points);
            // step 2: the same points again, as a replayed micro-batch would send them
            writer.writePoints(points);
        }

        // step 3: rows become visible shortly after the write returns
        QuestDbClient questDb = namespace.questDb();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (questDb.count(measurement) < 100 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1500);
        assertThat(questDb.count(measurement)).isEqualTo(100);
        List<String[]> last =
                questDb.query(
                        "SELECT use_kw, temperature, house_id FROM "
                                + measurement
                                + " WHERE timestamp = '2016-01-01T06:39:00.000000Z'");
        assertThat(last).hasSize(2);
        assertThat(Double.parseDouble(last.get(1)[0])).isEqualTo(99.5);
        assertThat(last.get(1)[2]).isEqualTo("home-c");
    }
}
