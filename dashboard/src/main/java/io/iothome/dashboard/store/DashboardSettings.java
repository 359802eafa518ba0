package io.iothome.dashboard.store;

import java.time.Duration;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard's settings, from {@code application.yml} and the environment (IOTHOME_*).
 *
 * @param cassandraHost contact point
 * @param cassandraPort CQL port
 * @param cassandraUser user when auth is on (a read-only role), empty otherwise
 * @param cassandraPassword its password, only ever from the environment
 * @param localDatacenter the contact point's data centre
 * @param streamingKeyspace the speed layer's keyspace
 * @param batchKeyspace the batch layer's keyspace
 * @param houseId the house shown
 * @param timeZone the zone times are shown in (the batch job's, by default)
 * @param liveRefresh how often the Live view pulls the newest readings
 * @param requestTimeout how long one query may take before the store counts as unreachable
 */
@ConfigurationProperties("iothome")
public record DashboardSettings(
        String cassandraHost,
        int cassandraPort,
        String cassandraUser,
        String cassandraPassword,
        String localDatacenter,
        String streamingKeyspace,
        String batchKeyspace,
        String houseId,
        ZoneId timeZone,
        Duration liveRefresh,
        Duration requestTimeout) {

    private static final Pattern KEYSPACE = Pattern.compile("[a-z][a-z0-9_]{0,47}");

    public DashboardSettings {
        // keyspace names go into the fixed statements' text: only plain identifiers pass
        for (String keyspace : new String[] {streamingKeyspace, batchKeyspace}) {
            if (keyspace == null || !KEYSPACE.matcher(keyspace).matches()) {
                throw new IllegalArgumentException(
                        "a keyspace must be a lower-case CQL identifier, not '" + keyspace + "'");
            }
        }
        if (houseId == null || houseId.isBlank()) {
            throw new IllegalArgumentException("iothome.house-id must not be blank");
        }
        if (liveRefresh.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("iothome.live-refresh must be at least 1s");
        }
    }

    public boolean hasCredentials() {
        return cassandraUser != null && !cassandraUser.isBlank();
    }

    public String contactPoint() {
        return cassandraHost + ":" + cassandraPort;
    }
}
