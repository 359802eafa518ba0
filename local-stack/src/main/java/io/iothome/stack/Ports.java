package io.iothome.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/** Loopback port checks. Every service of the stack binds to 127.0.0.1 only. */
public final class Ports {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ports() {}

    /**
     * A port that was free on loopback a moment ago, taken below the operating system's ephemeral
     * range (Linux: 32768 and up), where no outgoing connection can grab it between this check and
     * the server's bind.
     */
    public static int free() {
        int[] range = ephemeralRange();
        int low = 15_000;
        int high = Math.max(low + 1000, range[0]);
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = low + RANDOM.nextInt(high - low);
            if (canBind(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port between " + low + " and " + high);
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int[] ephemeralRange() {
        try {
            String[] bounds =
                    Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                            .trim()
                            .split("\\s+");
            return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
        } catch (IOException | RuntimeException e) {
            return new int[] {32_768, 60_999};
        }
    }

    /** Whether something accepts connections on {@code port} of loopback. */
    public static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a message naming the service when its port is taken. */
    static void requireFree(String service, String purpose, int port) {
        if (inUse(port)) {
            throw new IllegalStateException(
                    service
                            + " cannot start: its "
                            + purpose
                            + " port "
                            + port
                            + " is already in use on 127.0.0.1 (another stack, or another"
                            + " program). Stop it, or choose another port.");
        }
    }
}
