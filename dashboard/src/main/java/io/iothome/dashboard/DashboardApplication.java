package io.iothome.dashboard;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import io.iothome.dashboard.store.DashboardSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.cassandra.CassandraAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The dashboard: Vaadin views over the Cassandra result tables. Spring Boot's own Cassandra session
 * is left out: ours opens on first use, so the app starts while Cassandra is down.
 */
@SpringBootApplication(exclude = CassandraAutoConfiguration.class)
@EnableConfigurationProperties(DashboardSettings.class)
@Push
public class DashboardApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(DashboardApplication.class, args);
    }
}
