package io.iothome.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate-homec}: writes a HomeC-format CSV. */
@Command(
        name = "generate-homec",
        mixinStandardHelpOptions = true,
        version = "generate-homec 0.1.0",
        description = {
            "Writes a HomeC-format CSV (the Kaggle 'Smart Home Dataset with weather Information')"
                    + " with realistic daily and seasonal shape and the published file's quirks.",
            "The same seed and row count always give the same bytes."
        })
public final class GenerateCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);

    @Option(
            names = {"-o", "--output"},
            description =
                    "File to write (default: ${DEFAULT-VALUE}). Written to a temporary"
                            + " file first, then moved into place.",
            defaultValue = "data/HomeC-generated.csv")
    Path output;

    @Option(
            names = {"-n", "--rows"},
            description =
                    "Data rows, one per minute (default: ${DEFAULT-VALUE}, a full year as"
                            + " published).",
            defaultValue = "503910")
    long rows;

    @Option(
            names = {"-s", "--seed"},
            description = "Random seed (default: ${DEFAULT-VALUE}).",
            defaultValue = "20160101")
    long seed;

    @Option(
            names = "--no-malformed-last-row",
            description = "Leave out the malformed last row the published file ends with.")
    boolean noMalformedLastRow;

    @Override
    public Integer call() throws IOException {
        if (rows < 0) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--rows must not be negative, got " + rows);
        }
        Path target = output.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");

        LOG.info("Writing {} rows (seed {}) to {}", rows, seed, target);
        long started = System.nanoTime();
        long written;
        HomeCGenerator generator = new HomeCGenerator(rows, seed, !noMalformedLastRow);
        try (Writer out =
                new BufferedWriter(
                        new OutputStreamWriter(
                                Files.newOutputStream(partial), StandardCharsets.UTF_8),
                        1 << 20)) {
            long every = Math.max(50_000, rows / 10);
            written =
                    generator.write(
                            out,
                            every,
                            done ->
                                    LOG.info(
                                            "{} / {} rows ({} %)",
                                            done, rows, rows == 0 ? 100 : done * 100 / rows));
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);

        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info(
                "Wrote {} data lines ({} MB) to {} in {} s",
                written,
                String.format("%.1f", Files.size(target) / 1e6),
                target,
                String.format("%.1f", seconds));
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateCommand()).execute(args));
    }
}
