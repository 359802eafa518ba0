package io.iothome.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The classpath of a server, resolved by Maven at build time (modules under {@code
 * local-stack/classpaths/}) and carried as a resource: each server runs in its own JVM on its own
 * dependency tree.
 */
final class ServerClasspath {

    private ServerClasspath() {}

    /** The jars of {@code server} ("kafka", "cassandra", "questdb"), checked to exist. */
    static String of(String server) {
        String resource = "META-INF/iothome/" + server + ".classpath";
        String text;
        try (InputStream in =
                ServerClasspath.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "classpath of "
                                + server
                                + " not found ("
                                + resource
                                + "): build the project first (./mvnw install -DskipTests)");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> jars = Arrays.asList(text.split(java.io.File.pathSeparator));
        for (String jar : jars) {
            if (!Files.exists(Path.of(jar))) {
                throw new IllegalStateException(
                        server
                                + " needs "
                                + jar
                                + ", which is not in the local Maven repository any more:"
                                + " rebuild (./mvnw install -DskipTests)");
            }
        }
        return text;
    }

    /** Where the stack's own classes are (the parent watchdog runs from there). */
    static String ownCode() {
        try {
            return Path.of(
                            ParentWatchdog.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
