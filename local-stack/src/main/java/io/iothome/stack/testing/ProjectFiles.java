package io.iothome.stack.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's files from a test, wherever Maven runs it. */
public final class ProjectFiles {

    private ProjectFiles() {}

    /** The repository root: the build says it, or the nearest folder with the schema file. */
    public static Path root() {
        String configured = System.getProperty("iothome.project.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("cassandra").resolve("schema.cql"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + Path.of(""));
    }

    /** The first 2,838 real HomeC rows, shared beside the clone ({@code ../shared/data}). */
    public static Path sampleCsv() {
        String configured = System.getProperty("iothome.sample.csv");
        Path path =
                configured != null
                        ? Path.of(configured)
                        : root().resolveSibling("shared")
                                .resolve("data")
                                .resolve("homec_first_2838_rows.csv");
        if (!Files.isReadable(path)) {
            throw new IllegalStateException(
                    "the real sample rows are not at "
                            + path.toAbsolutePath()
                            + ": tests need ../shared/data/homec_first_2838_rows.csv beside the"
                            + " clone");
        }
        return path;
    }
}
