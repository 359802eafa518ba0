package io.iothome.streaming;

import java.io.Serializable;

/**
 * The InfluxDB 2 sink: where, as whom, and how hard to try.
 *
 * @param url the server, for example http://127.0.0.1:8086
 * @param token the API token; never logged
 * @param org the organisation ({@code iothome})
 * @param bucket the bucket ({@code iothome_bucket})
 * @param measurement the measurement ({@code iothome_data})
 * @param batchSize points per write request
 * @param attempts write attempts per batch before the micro-batch fails
 */
public record InfluxSettings(
        String url,
        String token,
        String org,
        String bucket,
        String measurement,
        int batchSize,
        int attempts)
        implements Serializable {

    @Override
    public String toString() {
        return url
                + " org="
                + org
                + " bucket="
                + bucket
                + " measurement="
                + measurement
                + " token="
                + (token == null || token.isEmpty() ? "(none)" : "****");
    }
}
