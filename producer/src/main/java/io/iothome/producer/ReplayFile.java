package io.iothome.producer;

import io.iothome.model.HomeCColumn;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A HomeC-format file opened for replay: the header checked, then its data lines with their numbers
 * (line 1 is the first line after the header), as the bytes written in the file, without the line
 * terminator. Lines stay bytes on the way to Kafka: no decoding and encoding again.
 */
final class ReplayFile implements Closeable {

    /** Input the producer refuses to send: a message for a person, and nothing sent. */
    static final class BadInputException extends Exception {
        BadInputException(String message) {
            super(message);
        }
    }

    private static final int BUFFER = 1 << 20;

    private final Path path;
    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private boolean endOfFile;
    private long lineNumber;

    private ReplayFile(Path path, InputStream in) {
        this.path = path;
        this.in = in;
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
        ReplayFile file;
        byte[] header;
        try {
            file = new ReplayFile(path, Files.newInputStream(path));
            header = file.readLine();
        } catch (AccessDeniedException e) {
            throw new BadInputException("input file " + path + " is not readable (permissions)");
        } catch (NoSuchFileException e) {
            throw new BadInputException("input file " + path + " does not exist");
        } catch (IOException e) {
            throw new BadInputException("cannot read " + path + ": " + e.getMessage());
        }
        if (header == null) {
            file.closeQuietly();
            throw new BadInputException("input file " + path + " is empty: no header, no rows");
        }
        String text;
        try {
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(header))
                            .toString();
        } catch (CharacterCodingException e) {
            file.closeQuietly();
            throw new BadInputException("input file " + path + " is not UTF-8 text");
        }
        String cleaned = text.replace("\uFEFF", "").strip();
        if (!cleaned.equals(HomeCColumn.headerLine())) {
            file.closeQuietly();
            throw new BadInputException(
                    "input file "
                            + path
                            + " does not start with the HomeC header.\n  expected: "
                            + HomeCColumn.headerLine()
                            + "\n  found:    "
                            + (cleaned.length() <= 200 ? cleaned : cleaned.substring(0, 200)));
        }
        return file;
    }

    /** The next data line, or null at the end of the file. */
    byte[] next() throws IOException {
        byte[] line = readLine();
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
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(path)) {
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

    /** One line without its terminator ({@code \n} or {@code \r\n}), or null at the end. */
    private byte[] readLine() throws IOException {
        byte[] pending = null;
        while (true) {
            if (position == limit) {
                if (endOfFile || !fill()) {
                    return pending == null ? null : withoutCarriageReturn(pending);
                }
            }
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    byte[] line = join(pending, buffer, position, i);
                    position = i + 1;
                    return withoutCarriageReturn(line);
                }
            }
            pending = join(pending, buffer, position, limit);
            position = limit;
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        if (read <= 0) {
            endOfFile = true;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    private static byte[] join(byte[] head, byte[] buffer, int from, int to) {
        if (head == null) {
            return Arrays.copyOfRange(buffer, from, to);
        }
        byte[] joined = Arrays.copyOf(head, head.length + (to - from));
        System.arraycopy(buffer, from, joined, head.length, to - from);
        return joined;
    }

    private static byte[] withoutCarriageReturn(byte[] line) {
        if (line.length > 0 && line[line.length - 1] == '\r') {
            return Arrays.copyOf(line, line.length - 1);
        }
        return line;
    }

    private void closeQuietly() {
        try {
            in.close();
        } catch (IOException ignored) {
            // the error already given says enough
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
