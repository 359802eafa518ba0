package io.iothome.stack;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SQL over HTTP against the InfluxDB-write server (QuestDB): reads back what clients wrote. */
public final class QuestDbClient {

    private static final Logger LOG = LoggerFactory.getLogger(QuestDbClient.class);

    private final String url;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public QuestDbClient(String url) {
        this.url = url;
    }

    /**
     * Creates the table behind {@code measurement} with deduplication on (timestamp, house_id), so
     * a replayed point overwrites itself as it does in InfluxDB. Fields become columns as they
     * arrive.
     */
    public void createMeasurement(String measurement) {
        requireName(measurement);
        execute(
                "CREATE TABLE IF NOT EXISTS "
                        + measurement
                        + " (house_id SYMBOL, timestamp TIMESTAMP) TIMESTAMP(timestamp)"
                        + " PARTITION BY DAY WAL DEDUP UPSERT KEYS(timestamp, house_id)");
        LOG.info("Measurement {} ready (deduplicated on timestamp and house_id)", measurement);
    }

    /** Runs a statement that returns no rows. */
    public void execute(String sql) {
        HttpResponse<String> response = get("/exec?query=" + encode(sql));
        if (response.statusCode() != 200) {
            throw refused(sql, response);
        }
    }

    /** Runs a query; the first row holds the column names. */
    public List<String[]> query(String sql) {
        HttpResponse<String> response = get("/exp?query=" + encode(sql));
        if (response.statusCode() != 200) {
            throw refused(sql, response);
        }
        try (CSVReader reader = new CSVReader(new StringReader(response.body()))) {
            return reader.readAll();
        } catch (IOException | CsvException e) {
            throw new IllegalStateException("unreadable answer from QuestDB to [" + sql + "]", e);
        }
    }

    /** The rows of {@code measurement}, 0 when it does not exist yet. */
    public long count(String measurement) {
        requireName(measurement);
        List<String[]> tables =
                query("SELECT table_name FROM tables() WHERE table_name = '" + measurement + "'");
        if (tables.size() < 2) {
            return 0;
        }
        return Long.parseLong(query("SELECT count() FROM " + measurement).get(1)[0]);
    }

    private HttpResponse<String> get(String pathAndQuery) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url + pathAndQuery))
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("QuestDB did not answer on " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static IllegalStateException refused(String sql, HttpResponse<String> response) {
        return new IllegalStateException(
                "QuestDB refused [" + sql + "]: " + response.statusCode() + " " + response.body());
    }

    private static String encode(String sql) {
        return URLEncoder.encode(sql, StandardCharsets.UTF_8);
    }

    private static void requireName(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain measurement name: " + name);
        }
    }
}
