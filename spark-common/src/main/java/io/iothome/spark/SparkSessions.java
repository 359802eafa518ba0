package io.iothome.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs' Spark sessions: local mode on loopback unless a master is given (spark-submit sets
 * one), the Cassandra connector set for fast writes, and an explicit session time zone.
 */
public final class SparkSessions {

    private static final Logger LOG = LoggerFactory.getLogger(SparkSessions.class);

    private SparkSessions() {}

    /**
     * A session for {@code appName}.
     *
     * @param master a Spark master URL, or null to keep spark-submit's (or local[*] without one)
     * @param cassandra where the connector reads and writes
     * @param timeZone the session time zone: every month, weekday, day and hour is computed in it
     */
    public static SparkSession create(
            String appName, String master, CassandraSettings cassandra, String timeZone) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null && !master.isBlank()) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            // the driver would otherwise pick another interface
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        }
        conf.set("spark.sql.session.timeZone", timeZone);
        cassandra.applyTo(conf);
        SparkSession session = SparkSession.builder().config(conf).getOrCreate();
        LOG.info(
                "Spark {} session '{}' on {}, time zone {}, Cassandra {}",
                session.version(),
                appName,
                conf.get("spark.master"),
                timeZone,
                cassandra);
        return session;
    }
}
