package io.iothome.stack;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Runs a server's main class and ends the server when the process that owns it is gone, so a
 * crashed or killed launcher never leaves an orphan behind. The server's own shutdown hooks run (a
 * clean stop), exactly as on SIGTERM.
 *
 * <p>Usage: {@code ParentWatchdog <owner pid> <main class> [server arguments...]}.
 */
public final class ParentWatchdog {

    private ParentWatchdog() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ParentWatchdog <owner pid> <main class> [arguments...]");
            System.exit(2);
        }
        long ownerPid = Long.parseLong(args[0]);
        Optional<ProcessHandle> owner = ProcessHandle.of(ownerPid);
        if (owner.isEmpty()) {
            System.err.println("owner process " + ownerPid + " is already gone; not starting");
            System.exit(3);
        }

        owner.get()
                .onExit()
                .thenRun(
                        () -> {
                            System.err.println(
                                    "owner process " + ownerPid + " exited: stopping the server");
                            System.exit(0);
                        });

        Class<?> main = Class.forName(args[1]);
        Method entry = main.getMethod("main", String[].class);
        entry.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
