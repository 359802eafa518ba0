package io.iothome.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the JDK 17 that runs the servers. Cassandra 5.0 runs on 17 only (on 25 it fails at
 * start-up), so the stack never just takes whatever {@code java} is first on the path.
 */
public final class JavaRuntime {

    /** Environment variable naming a JDK 17 home, for machines where it is elsewhere. */
    public static final String ENV_JAVA17_HOME = "IOTHOME_JAVA17_HOME";

    private static final List<String> KNOWN_HOMES =
            List.of(
                    "/usr/lib/jvm/java-17-openjdk-amd64",
                    "/usr/lib/jvm/java-17-openjdk-arm64",
                    "/usr/lib/jvm/java-17-openjdk",
                    "/usr/lib/jvm/temurin-17-jdk-amd64");

    private JavaRuntime() {}

    /** The {@code java} executable of a JDK 17, or a clear error that says how to name one. */
    public static Path java17() {
        String configured = System.getenv(ENV_JAVA17_HOME);
        if (configured != null && !configured.isBlank()) {
            Path java = Path.of(configured, "bin", "java");
            if (!Files.isExecutable(java)) {
                throw new IllegalStateException(
                        ENV_JAVA17_HOME + "=" + configured + " has no executable bin/java");
            }
            return java;
        }
        if (Runtime.version().feature() == 17) {
            Optional<String> current = ProcessHandle.current().info().command();
            if (current.isPresent()) {
                return Path.of(current.get());
            }
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && isJava17(Path.of(javaHome))) {
            return Path.of(javaHome, "bin", "java");
        }
        for (String home : KNOWN_HOMES) {
            if (Files.isExecutable(Path.of(home, "bin", "java"))) {
                return Path.of(home, "bin", "java");
            }
        }
        throw new IllegalStateException(
                "no JDK 17 found: Cassandra 5.0 needs it. Install one (apt-get install"
                        + " openjdk-17-jdk-headless) or set "
                        + ENV_JAVA17_HOME
                        + " to its home");
    }

    private static boolean isJava17(Path home) {
        Path release = home.resolve("release");
        try {
            return Files.isReadable(release)
                    && Files.readString(release).contains("JAVA_VERSION=\"17");
        } catch (IOException e) {
            return false;
        }
    }
}
