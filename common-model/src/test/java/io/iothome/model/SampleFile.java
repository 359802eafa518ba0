package io.iothome.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The first 2,838 real HomeC rows, found where the build says they are. */
final class SampleFile {

    private SampleFile() {}

    static Path path() {
        String location = System.getProperty("iothome.sample.csv");
        if (location == null) {
            throw new IllegalStateException("system property iothome.sample.csv is not set");
        }
        Path path = Path.of(location);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("sample data not found at " + path.toAbsolutePath());
        }
        return path;
    }

    static List<String> lines() {
        try {
            return Files.readAllLines(path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
