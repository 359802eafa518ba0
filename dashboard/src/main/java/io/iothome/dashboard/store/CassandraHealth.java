package io.iothome.dashboard.store;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Actuator health "cassandra": up only when a query round trip to Cassandra works. */
@Component("cassandra")
public class CassandraHealth implements HealthIndicator {

    private final ResultStore store;

    public CassandraHealth(ResultStore store) {
        this.store = store;
    }

    @Override
    public Health health() {
        String contactPoint = store.settings().contactPoint();
        try {
            return Health.up()
                    .withDetail("contactPoint", contactPoint)
                    .withDetail("version", store.ping())
                    .build();
        } catch (StoreUnavailableException e) {
            return Health.down()
                    .withDetail("contactPoint", contactPoint)
                    .withDetail("error", e.getMessage())
                    .build();
        }
    }
}
