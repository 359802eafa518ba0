package io.iothome.dashboard.store;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.QueryExecutionException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The dashboard's one Cassandra session, opened on first use rather than at start-up, so the app
 * starts (and shows a banner) while Cassandra is down. A failed connect is retried on a later
 * request, at most every {@link #RETRY_INTERVAL}; an open session reconnects by itself.
 */
@Component
public class CassandraConnection implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CassandraConnection.class);

    static final Duration RETRY_INTERVAL = Duration.ofSeconds(3);

    private final DashboardSettings settings;
    private final Map<ViewQuery, PreparedStatement> prepared = new EnumMap<>(ViewQuery.class);
    private CqlSession session;
    private Instant nextAttempt = Instant.MIN;
    private String lastFailure = "not connected yet";

    public CassandraConnection(DashboardSettings settings) {
        this.settings = settings;
    }

    /** Runs one fixed statement and reads its whole result (every result here is small). */
    public List<Row> rows(ViewQuery query, Object... values) {
        CqlSession open = session();
        try {
            PreparedStatement statement = prepare(open, query);
            return open.execute(statement.bind(values)).all();
        } catch (AllNodesFailedException | DriverTimeoutException | QueryExecutionException e) {
            throw unavailable(e);
        } catch (InvalidQueryException e) {
            throw new StoreUnavailableException(
                    "Cassandra has no table for this view ("
                            + e.getMessage()
                            + "): apply"
                            + " cassandra/schema.cql",
                    e);
        }
    }

    /** The latest reason Cassandra could not be used, for the banner. */
    public synchronized String lastFailure() {
        return lastFailure;
    }

    public DashboardSettings settings() {
        return settings;
    }

    private synchronized PreparedStatement prepare(CqlSession open, ViewQuery query) {
        return prepared.computeIfAbsent(query, q -> open.prepare(q.cql(settings)));
    }

    private synchronized CqlSession session() {
        if (session != null && !session.isClosed()) {
            return session;
        }
        if (Instant.now().isBefore(nextAttempt)) {
            throw new StoreUnavailableException(message(), null);
        }
        try {
            session = builder().build();
            prepared.clear();
            log.info("Connected to Cassandra at {}", settings.contactPoint());
            return session;
        } catch (RuntimeException e) {
            nextAttempt = Instant.now().plus(RETRY_INTERVAL);
            throw unavailable(e);
        }
    }

    private CqlSessionBuilder builder() {
        DriverConfigLoader config =
                DriverConfigLoader.programmaticBuilder()
                        .withDuration(
                                DefaultDriverOption.REQUEST_TIMEOUT, settings.requestTimeout())
                        .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, seconds(3))
                        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, seconds(5))
                        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, seconds(5))
                        .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, seconds(1))
                        .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, seconds(3))
                        .build();
        CqlSessionBuilder builder =
                CqlSession.builder()
                        .withConfigLoader(config)
                        .addContactPoint(
                                new InetSocketAddress(
                                        settings.cassandraHost(), settings.cassandraPort()))
                        .withLocalDatacenter(settings.localDatacenter());
        if (settings.hasCredentials()) {
            builder.withAuthCredentials(settings.cassandraUser(), settings.cassandraPassword());
        }
        return builder;
    }

    private synchronized StoreUnavailableException unavailable(RuntimeException cause) {
        String reason;
        if (cause instanceof NoNodeAvailableException) {
            reason = "no node available";
        } else if (cause instanceof AllNodesFailedException) {
            reason = "no contact point answered";
        } else if (cause instanceof DriverTimeoutException) {
            reason = "no answer within " + settings.requestTimeout().toSeconds() + " s";
        } else {
            reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        if (!reason.equals(lastFailure)) {
            log.warn("Cassandra at {} unavailable: {}", settings.contactPoint(), reason);
        }
        lastFailure = reason;
        return new StoreUnavailableException(message(), cause);
    }

    private String message() {
        return "Cassandra at "
                + settings.contactPoint()
                + " is not reachable ("
                + lastFailure
                + ")";
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    @Override
    public synchronized void destroy() {
        if (session != null) {
            session.close();
        }
    }
}
