package io.iothome.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How far the streaming job got, read from its checkpoint: the Kafka offsets of the newest
 * micro-batch that committed (a file in {@code commits/} means the batch's sinks are done).
 */
final class StreamingProgress {

    // the last line of an offsets file: {"topic":{"0":1234,"1":5678}}
    private static final Pattern PARTITION_OFFSET = Pattern.compile("\"(\\d+)\"\\s*:\\s*(\\d+)");

    private StreamingProgress() {}

    /** The sum over partitions of the next offset to read, after the newest committed batch. */
    static OptionalLong committedOffsets(Path checkpoint) {
        OptionalLong newest = newestBatch(checkpoint.resolve("commits"));
        if (newest.isEmpty()) {
            return OptionalLong.empty();
        }
        Path offsets = checkpoint.resolve("offsets").resolve(Long.toString(newest.getAsLong()));
        try {
            List<String> lines = Files.readAllLines(offsets);
            return OptionalLong.of(sumOffsets(lines.get(lines.size() - 1)));
        } catch (IOException | IndexOutOfBoundsException e) {
            return OptionalLong.empty();
        }
    }

    static long sumOffsets(String offsetsLine) {
        Matcher matcher = PARTITION_OFFSET.matcher(offsetsLine);
        long sum = 0;
        while (matcher.find()) {
            sum += Long.parseLong(matcher.group(2));
        }
        return sum;
    }

    private static OptionalLong newestBatch(Path folder) {
        if (!Files.isDirectory(folder)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("\\d+"))
                    .mapToLong(Long::parseLong)
                    .max();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
