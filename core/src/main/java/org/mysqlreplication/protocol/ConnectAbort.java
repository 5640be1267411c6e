package org.mysqlreplication.protocol;

import java.io.IOException;
import java.net.Socket;
import org.mysqlreplication.net.ConnectionException;

/**
 * Lets another thread abort {@link ServerConnection#open(ConnectionSettings, ConnectAbort)} while it connects, reads
 * the handshake or logs in, and the queries that follow on the same socket: {@link #abort()} closes the socket being
 * connected, so a silent server does not hold the caller for the whole connect timeout. Once aborted it stays
 * aborted: every later open with it fails at once, and a socket attached afterwards is closed.
 *
 * <p>Thread-safe.
 */
public final class ConnectAbort {

    private Socket socket;
    private boolean aborted;

    /** Closes the socket being connected, if any, and refuses those to come. Idempotent. */
    public void abort() {
        Socket s;
        synchronized (this) {
            aborted = true;
            s = socket;
            socket = null;
        }
        closeQuietly(s);
    }

    /** Whether {@link #abort()} was called. */
    public synchronized boolean isAborted() {
        return aborted;
    }

    /**
     * The socket an open is about to connect, replacing the previous one (which is not closed: it belongs to an
     * open that has ended).
     *
     * @throws ConnectionException if {@link #abort()} was called; the socket is then closed
     */
    void attach(Socket s, String peer) {
        synchronized (this) {
            if (!aborted) {
                socket = s;
                return;
            }
        }
        closeQuietly(s);
        throw aborted(peer, null);
    }

    static ConnectionException aborted(String peer, Throwable cause) {
        return new ConnectionException("connect to " + peer + " aborted by close()", cause);
    }

    private static void closeQuietly(Socket s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing left to do with a socket that fails to close
        }
    }
}
