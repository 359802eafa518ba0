package io.iothome.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.iothome.stack.testing.LocalStackExtension;
import io.iothome.stack.testing.TestNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class KafkaRoundTripIntegrationTest {

    @Test
    void producedRecordsAreConsumedBackInOrder(TestNamespace namespace) throws Exception {
        String topic = namespace.topic("round-trip");
        String bootstrap = namespace.endpoints().kafkaBootstrapServers();

        // step 1: produce 500 keyed records with acks=all
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                true),
                        new StringSerializer(),
                        new StringSerializer())) {
            for (int i = 0; i < 500; i++) {
                producer.send(new ProducerRecord<>(topic, "house", "reading-" + i))
                        .get(30, TimeUnit.SECONDS);
            }
        }

        // step 2: read the partition from the start
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrap,
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (values.size() < 500 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }

        // step 3: every record once, in order
        assertThat(values).hasSize(500);
        for (int i = 0; i < 500; i++) {
            assertThat(values.get(i)).isEqualTo("reading-" + i);
        }
    }
}
