package io.iothome.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port checks. Every service of the stack binds to 127.0.0.1 only. */
public final class Ports {

    private Ports() {}

    /** A port that was free on loopback a moment ago. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
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
