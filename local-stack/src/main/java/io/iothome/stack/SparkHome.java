package io.iothome.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A SPARK_HOME made from the jars Maven resolved (module {@code local-stack/classpaths/spark}), for
 * machines without a Spark distribution: {@code jars/} holds a link to every jar of Spark 3.5 and
 * its dependencies, {@code conf/} the logging of every Spark JVM started from it. Spark's launcher,
 * master and worker find their classpath there, as in a distribution: the worker starts its
 * executors on {@code jars/*}.
 */
public final class SparkHome {

    static final String SCALA_VERSION = "2.12";

    /** Spark's own lines at WARN; the cluster's deploy messages and our jobs' lines at INFO. */
    private static final String LOGGING =
            """
            # Written by local-stack (SparkHome): edits are replaced on the next start.
            status = warn
            appender.console.type = Console
            appender.console.name = console
            appender.console.target = SYSTEM_ERR
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = %d{HH:mm:ss} %-5p %c{1} - %m%n%ex
            rootLogger.level = warn
            rootLogger.appenderRef.stdout.ref = console
            logger.deploy.name = org.apache.spark.deploy
            logger.deploy.level = info
            logger.iothome.name = io.iothome
            logger.iothome.level = info
            """;

    private final Path directory;

    private SparkHome(Path directory) {
        this.directory = directory;
    }

    /**
     * Lays out (or refreshes) a Spark home in {@code directory}. A link that changes is replaced in
     * one atomic step, never removed first, so a Spark JVM already running from this home (the
     * streaming job while a batch job is submitted) keeps finding its jars.
     */
    public static SparkHome layOut(Path directory) {
        Path home = directory.toAbsolutePath();
        Path jars = home.resolve("jars");
        try {
            Files.createDirectories(jars);
            Files.createDirectories(home.resolve("conf"));
            Map<String, Path> wanted = jarsByLinkName();
            try (Stream<Path> present = Files.list(jars)) {
                for (Path link : present.toList()) {
                    if (!wanted.containsKey(link.getFileName().toString())) {
                        Files.delete(link);
                    }
                }
            }
            for (Map.Entry<String, Path> jar : wanted.entrySet()) {
                Path link = jars.resolve(jar.getKey());
                if (Files.isSymbolicLink(link)
                        && Files.readSymbolicLink(link).equals(jar.getValue())) {
                    continue;
                }
                Path fresh = jars.resolve("." + jar.getKey() + ".new");
                Files.deleteIfExists(fresh);
                Files.createSymbolicLink(fresh, jar.getValue());
                Files.move(
                        fresh,
                        link,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Path logging = home.resolve("conf").resolve("log4j2.properties");
            if (!Files.exists(logging)
                    || !Files.readString(logging, StandardCharsets.UTF_8).equals(LOGGING)) {
                Files.writeString(logging, LOGGING, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not lay out a Spark home in " + home, e);
        }
        return new SparkHome(home);
    }

    /** Each jar of the Spark classpath under its file name (prefixed where two share one). */
    private static Map<String, Path> jarsByLinkName() {
        Map<String, Path> jars = new TreeMap<>();
        for (String entry : ServerClasspath.of("spark").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            String name = jar.getFileName().toString();
            if (jars.containsKey(name)) {
                name = jar.getParent().getParent().getFileName() + "-" + name;
            }
            jars.put(name, jar);
        }
        return jars;
    }

    public Path directory() {
        return directory;
    }

    /** The classpath of a Spark JVM started from this home: conf/ first, then every jar. */
    String classpath() {
        return directory.resolve("conf") + File.pathSeparator + directory.resolve("jars") + "/*";
    }

    /**
     * What Spark's launcher and worker read from the environment: the home, the Scala version (a
     * distribution's scripts set it; the launcher needs it to find {@code jars/}), the JDK the
     * executors run on and the loopback address every JVM binds to.
     */
    Map<String, String> environment() {
        Path java = JavaRuntime.java17();
        return Map.of(
                "SPARK_HOME",
                directory.toString(),
                "SPARK_SCALA_VERSION",
                SCALA_VERSION,
                "JAVA_HOME",
                java.getParent().getParent().toString(),
                "SPARK_LOCAL_IP",
                "127.0.0.1");
    }

    /**
     * A Spark daemon (master, worker) run from this home with a small heap and the JDK 17 module
     * options Spark's launcher gives its drivers and executors.
     */
    ServiceProcess daemon(
            String name, Path logFile, long ownerPid, String mainClass, List<String> arguments) {
        List<String> jvm = new ArrayList<>(List.of("-Xms64m", "-Xmx256m"));
        jvm.addAll(jvmOptions());
        return ServiceProcess.java(name, logFile, ownerPid, jvm, classpath(), mainClass, arguments)
                .withEnvironment(environment());
    }

    /** The JDK 17 module options of a Spark JVM, as Spark's launcher lists them. */
    static List<String> jvmOptions() {
        return Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" "));
    }

    /** {@code SparkHome <folder>}: lays the folder out, for bin/spark-submit.sh. */
    public static void main(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            System.err.println(
                    "usage: SparkHome <folder>  (lays out a SPARK_HOME from Maven's Spark jars)");
            System.exit(2);
        }
        layOut(Path.of(args[0]));
    }
}
