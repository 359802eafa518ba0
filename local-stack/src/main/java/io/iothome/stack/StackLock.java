package io.iothome.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one-stack-per-folder rule: an exclusive lock on {@code stack.lock} in the working folder,
 * held for as long as the stack runs and released by the operating system if its process dies.
 */
final class StackLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StackLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock, or fails with a message saying a stack runs there. */
    static StackLock acquire(Path directory) {
        try {
            Files.createDirectories(directory);
            FileChannel channel =
                    FileChannel.open(
                            directory.resolve("stack.lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                String servers =
                        StackEndpoints.load(directory)
                                .map(e -> " (its servers: processes " + e.serverPids() + ")")
                                .orElse("");
                throw new IllegalStateException(
                        "a local stack is already running from "
                                + directory.toAbsolutePath()
                                + servers
                                + ". Stop it first (Ctrl-C in its terminal), or start this one"
                                + " with another --work-dir and other ports.");
            }
            return new StackLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock working folder " + directory, e);
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
