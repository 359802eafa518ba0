package io.iothome.producer;

import io.iothome.model.HomeCColumn;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A HomeC-format file opened for replay: the header checked, then its data lines with their numbers
 * (line 1 is the first line after the header), exactly as written.
 */
final class ReplayFile implements Closeable {

    /** Input the producer refuses to send: a message for a person, and nothing sent. */
    static final class BadInputException extends Exception {
        BadInputException(String message) {
            super(message);
        }
    }

    private final Path path;
    private final BufferedReader reader;
    private long lineNumber;

    private ReplayFile(Path path, BufferedReader reader) {
        this.path = path;
        this.reader = reader;
    }

    /** Opens {@code path} and checks that it starts with the HomeC header. */
    static ReplayFile open(Path path) throws BadInputException {
        if (!Files.exists(path)) {
            throw new BadInputException("input file " + path + " does not exist");
        }
        if (Files.isDirectory(path)) {
            throw new BadInputException("input " + path + " is a folder, not a file");
        }
        if (!Files.isReadable(path)) {
            throw new BadInputException("input file " + path + " is not readable (permissions)");
        }
        BufferedReader reader;
        String header;
        try {
            reader =
                    new BufferedReader(
                            new InputStreamReader(
                                    Files.newInputStream(path),
                                    StandardCharsets.UTF_8
                                            .newDecoder()
                                            .onMalformedInput(CodingErrorAction.REPORT)),
                            1 << 20);
            header = reader.readLine();
        } catch (AccessDeniedException e) {
            throw new BadInputException("input file " + path + " is not readable (permissions)");
        } catch (NoSuchFileException e) {
            throw new BadInputException("input file " + path + " does not exist");
        } catch (CharacterCodingException e) {
            throw new BadInputException("input file " + path + " is not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException("cannot read " + path + ": " + e.getMessage());
        }
        if (header == null) {
            close(reader);
            throw new BadInputException("input file " + path + " is empty: no header, no rows");
        }
        String cleaned = header.replace("\uFEFF", "").strip();
        if (!cleaned.equals(HomeCColumn.headerLine())) {
            close(reader);
            throw new BadInputException(
                    "input file "
                            + path
                            + " does not start with the HomeC header.\n  expected: "
                            + HomeCColumn.headerLine()
                            + "\n  found:    "
                            + abbreviate(header));
        }
        return new ReplayFile(path, reader);
    }

    /** The next data line, or null at the end of the file. */
    String next() throws IOException {
        String line = reader.readLine();
        if (line != null) {
            lineNumber++;
        }
        return line;
    }

    /** The number of the line last returned by {@link #next()} (1 = first data line). */
    long lineNumber() {
        return lineNumber;
    }

    Path path() {
        return path;
    }

    /** Data lines of the file, for progress and ETA: counts newlines, fast. */
    static long countDataLines(Path path) throws IOException {
        long lines = 0;
        boolean endsWithNewline = true;
        byte[] buffer = new byte[1 << 20];
        try (var in = Files.newInputStream(path)) {
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                endsWithNewline = buffer[read - 1] == '\n';
            }
        }
        long all = endsWithNewline ? lines : lines + 1;
        return Math.max(0, all - 1);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static void close(BufferedReader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // nothing more to say than the error already given
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
