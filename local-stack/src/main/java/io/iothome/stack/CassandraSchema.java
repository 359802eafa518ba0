package io.iothome.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's Cassandra schema ({@code cassandra/schema.cql}), applied statement by statement.
 * Every statement is {@code IF NOT EXISTS}, so applying it again changes nothing. Keyspaces can be
 * renamed on the way, which gives each test its own copy of every table.
 */
public final class CassandraSchema {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraSchema.class);
    private static final String RESOURCE = "io/iothome/stack/cassandra/schema.cql";

    /** The keyspaces the schema file defines. */
    public static final String STREAMING = "streaming";

    public static final String BATCH = "my_batch";

    private static final Pattern KEYSPACE_NAME =
            Pattern.compile("\\b(" + STREAMING + "|" + BATCH + ")(\\.|\\s+WITH\\b)");

    private CassandraSchema() {}

    /** The statements of the schema file, keyspaces renamed to {@code streaming}/{@code batch}. */
    public static List<String> statements(String streaming, String batch) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text().split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(rename(current.toString().trim(), streaming, batch));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("schema.cql ends inside a statement: " + current);
        }
        return statements;
    }

    /** Applies the schema with its own keyspace names. */
    public static void apply(CqlSession session) {
        apply(session, STREAMING, BATCH);
    }

    /** Applies the schema with the keyspaces renamed. */
    public static void apply(CqlSession session, String streaming, String batch) {
        long started = System.nanoTime();
        List<String> statements = statements(streaming, batch);
        for (String statement : statements) {
            session.execute(
                    SimpleStatement.newInstance(statement).setTimeout(Duration.ofSeconds(60)));
        }
        session.checkSchemaAgreement();
        LOG.info(
                "Cassandra schema applied to keyspaces {} and {}: {} statements in {} ms",
                streaming,
                batch,
                statements.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static String rename(String statement, String streaming, String batch) {
        Matcher matcher = KEYSPACE_NAME.matcher(statement);
        StringBuilder renamed = new StringBuilder();
        while (matcher.find()) {
            String keyspace = matcher.group(1).equals(STREAMING) ? streaming : batch;
            matcher.appendReplacement(
                    renamed, Matcher.quoteReplacement(keyspace + matcher.group(2)));
        }
        matcher.appendTail(renamed);
        return renamed.toString();
    }

    private static String text() {
        try (InputStream in =
                CassandraSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
