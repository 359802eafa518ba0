package io.iothome.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.iothome.stack.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkHomeTest {

    @TempDir Path folder;

    @Test
    void layOutLinksEveryJarOfSparksClasspathAndWritesTheLogging() throws Exception {
        SparkHome home = SparkHome.layOut(folder.resolve("home"));

        Path jars = home.directory().resolve("jars");
        int entries = ServerClasspath.of("spark").split(":").length;
        try (Stream<Path> links = Files.list(jars)) {
            assertThat(links.toList())
                    .hasSize(entries)
                    .allMatch(Files::isSymbolicLink)
                    .allMatch(Files::isRegularFile);
        }
        assertThat(jars.resolve("spark-core_2.12-" + parentSparkVersion() + ".jar")).exists();
        assertThat(jars.resolve("spark-launcher_2.12-" + parentSparkVersion() + ".jar")).exists();
        assertThat(home.directory().resolve("conf/log4j2.properties"))
                .content()
                .contains("rootLogger.level = warn", "logger.iothome.level = info");
    }

    @Test
    void aSecondLayOutMendsAStaleLinkAndRemovesOneThatIsNotSparks() throws Exception {
        Path jars = SparkHome.layOut(folder.resolve("home")).directory().resolve("jars");
        Path core = jars.resolve("spark-core_2.12-" + parentSparkVersion() + ".jar");
        Path target = Files.readSymbolicLink(core);
        Files.delete(core);
        Files.createSymbolicLink(core, folder.resolve("gone.jar"));
        Files.createSymbolicLink(jars.resolve("foreign.jar"), target);

        SparkHome.layOut(folder.resolve("home"));

        assertThat(Files.readSymbolicLink(core)).isEqualTo(target);
        assertThat(jars.resolve("foreign.jar")).doesNotExist();
        try (Stream<Path> links = Files.list(jars)) {
            assertThat(links.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".new"));
        }
    }

    @Test
    void theClusterRunsTheSparkVersionTheJobsAreBuiltAgainst() {
        assertThat(ServerClasspath.of("spark"))
                .contains("/spark-core_2.12-" + parentSparkVersion() + ".jar")
                .contains("/spark-mllib_2.12-" + parentSparkVersion() + ".jar");
    }

    @Test
    void masterAndWorkerGetTheModuleOptionsOfSparksOwnLauncher() {
        assertThat(SparkHome.jvmOptions())
                .contains(
                        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                        "-Djdk.reflect.useDirectMethodHandle=false")
                .noneMatch(String::isBlank);
    }

    private static String parentSparkVersion() {
        try {
            String pom = Files.readString(ProjectFiles.root().resolve("pom.xml"));
            Matcher version =
                    Pattern.compile("<spark.version>([^<]+)</spark.version>").matcher(pom);
            assertThat(version.find()).as("spark.version in the parent pom").isTrue();
            return version.group(1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
