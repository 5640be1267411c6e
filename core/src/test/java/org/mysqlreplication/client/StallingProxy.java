package org.mysqlreplication.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting TCP proxy on loopback for tests: forwards each accepted connection to {@code target}, until
 * {@link #stallAll()} makes the connections open so far go silent, both ways, without closing them (a network
 * path that died without a FIN or RST). Connections accepted afterwards are forwarded as usual.
 */
final class StallingProxy implements AutoCloseable {

    private final int targetPort;
    private final ServerSocket listener;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    StallingProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(this::accept, "stalling-proxy");
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many client connections the proxy has accepted. */
    int accepted() {
        return accepted.get();
    }

    /** Stops forwarding on every connection open now; they stay open and silent. */
    void stallAll() {
        for (Link link : links) {
            link.stalled = true;
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Link link = new Link(client, server);
                links.add(link);
                accepted.incrementAndGet();
                daemon(() -> link.pump(client, server), "stalling-proxy-up");
                daemon(() -> link.pump(server, client), "stalling-proxy-down");
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Link link : links) {
            link.close();
        }
    }

    /** One proxied connection. */
    private static final class Link {
        private final Socket client;
        private final Socket server;
        volatile boolean stalled;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void pump(Socket from, Socket to) {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                while (true) {
                    while (stalled) {
                        Thread.sleep(50); // hold the bytes: read nothing, send nothing
                    }
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    while (stalled) {
                        Thread.sleep(50);
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side closed
            } finally {
                if (!stalled) {
                    close();
                }
            }
        }

        void close() {
            try {
                client.close();
                server.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
