package io.iothome.stack.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.iothome.stack.CassandraSchema;
import io.iothome.stack.QuestDbClient;
import io.iothome.stack.StackEndpoints;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A test's own names on the shared stack: topics, keyspaces and measurements carrying a random
 * suffix, so tests never see each other's data.
 */
public final class TestNamespace implements AutoCloseable {

    /** The keyspaces of a test: the schema's two, renamed. */
    public record Keyspaces(String streaming, String batch) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StackEndpoints endpoints;
    private final String id;
    private Keyspaces keyspaces;
    private CqlSession session;

    TestNamespace(StackEndpoints endpoints) {
        this.endpoints = endpoints;
        this.id = "t" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36).substring(0, 8);
    }

    /**
     * A namespace on the build's shared stack that outlives one test class (a fixture shared by
     * several classes); its owner closes it.
     */
    public static TestNamespace onSharedStack() {
        return new TestNamespace(SharedTestStack.endpoints());
    }

    /** The suffix of every name this test makes. */
    public String id() {
        return id;
    }

    public StackEndpoints endpoints() {
        return endpoints;
    }

    /** Creates a topic of this test (one partition) and returns its name. */
    public String topic(String base) {
        return topic(base, 1);
    }

    /** Creates a topic of this test and returns its name. */
    public String topic(String base, int partitions) {
        String name = base + "-" + id;
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                endpoints.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topic " + name, e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("could not create topic " + name, e);
        }
        return name;
    }

    /** This test's copy of the whole Cassandra schema, created on first use. */
    public synchronized Keyspaces keyspaces() {
        if (keyspaces == null) {
            keyspaces = new Keyspaces("streaming_" + id, "my_batch_" + id);
            CassandraSchema.apply(cassandra(), keyspaces.streaming(), keyspaces.batch());
        }
        return keyspaces;
    }

    /** Creates a deduplicated measurement of this test and returns its name. */
    public String measurement(String base) {
        String name = base + "_" + id;
        questDb().createMeasurement(name);
        return name;
    }

    public QuestDbClient questDb() {
        return new QuestDbClient(endpoints.influxUrl());
    }

    /** A CQL session on the shared node, closed with this namespace. */
    public synchronized CqlSession cassandra() {
        if (session == null) {
            session =
                    CqlSession.builder()
                            .addContactPoint(
                                    new InetSocketAddress(
                                            endpoints.cassandraHost(), endpoints.cassandraPort()))
                            .withLocalDatacenter("datacenter1")
                            .withConfigLoader(
                                    DriverConfigLoader.programmaticBuilder()
                                            .withDuration(
                                                    DefaultDriverOption.REQUEST_TIMEOUT,
                                                    Duration.ofSeconds(30))
                                            .withDuration(
                                                    DefaultDriverOption
                                                            .METADATA_SCHEMA_REQUEST_TIMEOUT,
                                                    Duration.ofSeconds(60))
                                            .withDuration(
                                                    DefaultDriverOption
                                                            .CONTROL_CONNECTION_AGREEMENT_TIMEOUT,
                                                    Duration.ofSeconds(60))
                                            .build())
                            .build();
        }
        return session;
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }
}
