package io.iothome.stack.testing;

import io.iothome.stack.LocalStack;
import io.iothome.stack.StackEndpoints;
import io.iothome.stack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running stack for a whole build. The first test JVM that asks starts it, owned by the build's
 * process (Maven, the parent of every Surefire JVM), and records its endpoints; test JVMs of later
 * modules find and reuse it. When Maven exits, the servers' watchdogs stop them.
 */
public final class SharedTestStack {

    private static final Logger LOG = LoggerFactory.getLogger(SharedTestStack.class);

    /** Overrides the owner process (default: this JVM's parent, the Maven build). */
    public static final String OWNER_PROPERTY = "iothome.stack.owner";

    private static StackEndpoints endpoints;

    private SharedTestStack() {}

    /** The build's stack, started if this is the first test to need it. */
    public static synchronized StackEndpoints endpoints() {
        if (endpoints != null && endpoints.serversAlive()) {
            return endpoints;
        }
        long owner = owner();
        Path root = ProjectFiles.root().resolve(".local-stack");
        Path directory = root.resolve("test-" + owner);
        try {
            Files.createDirectories(root);
            try (FileChannel channel =
                            FileChannel.open(
                                    root.resolve("test-harness.lock"),
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                endpoints = reuseOrStart(directory, owner, root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return endpoints;
    }

    private static StackEndpoints reuseOrStart(Path directory, long owner, Path root)
            throws IOException {
        StackEndpoints running = StackEndpoints.load(directory).orElse(null);
        if (running != null && running.ownerPid() == owner && running.serversAlive()) {
            LOG.info("Reusing the build's local stack in {}", directory);
            return running;
        }
        removeStaleStacks(root);
        LOG.info("Starting the build's local stack in {} (owner process {})", directory, owner);
        StackSettings defaults = StackSettings.defaults();
        StackSettings settings =
                new StackSettings(
                                directory,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                defaults.topic(),
                                defaults.topicPartitions(),
                                defaults.measurement(),
                                defaults.kafkaHeap(),
                                defaults.cassandraHeap(),
                                defaults.questDbHeap(),
                                true,
                                owner,
                                null)
                        .withFreePorts();
        // not closed here: it outlives this JVM and ends with its owner
        LocalStack stack = LocalStack.start(settings, true);
        return stack.endpoints();
    }

    /** Removes the folders of earlier builds' stacks whose owner is gone. */
    private static void removeStaleStacks(Path root) throws IOException {
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder :
                    folders.filter(p -> p.getFileName().toString().startsWith("test-")).toList()) {
                long pid;
                try {
                    pid = Long.parseLong(folder.getFileName().toString().substring(5));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).isEmpty()) {
                    delete(folder);
                }
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * The build's process: the Maven JVM up the process tree (Surefire may start its JVMs through a
     * shell, so the parent is not always Maven), else the parent, else this JVM.
     */
    private static long owner() {
        String configured = System.getProperty(OWNER_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Long.parseLong(configured);
        }
        for (ProcessHandle ancestor = ProcessHandle.current().parent().orElse(null);
                ancestor != null;
                ancestor = ancestor.parent().orElse(null)) {
            String command = ancestor.info().commandLine().orElse("");
            if (command.contains("org.codehaus.plexus.classworlds.launcher.Launcher")) {
                return ancestor.pid();
            }
        }
        return ProcessHandle.current()
                .parent()
                .map(ProcessHandle::pid)
                .orElse(ProcessHandle.current().pid());
    }
}
