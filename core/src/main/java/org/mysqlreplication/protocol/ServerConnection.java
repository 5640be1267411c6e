package org.mysqlreplication.protocol;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocket;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;
import org.mysqlreplication.net.ConnectionException;
import org.mysqlreplication.net.PacketChannel;
import org.mysqlreplication.net.PayloadSpill;
import org.mysqlreplication.net.ProtocolException;
import org.mysqlreplication.protocol.command.BinlogDumpCommand;
import org.mysqlreplication.protocol.command.BinlogDumpGtidCommand;
import org.mysqlreplication.protocol.command.Command;
import org.mysqlreplication.protocol.command.QueryCommand;
import org.mysqlreplication.protocol.command.RegisterSlaveCommand;

/**
 * One logged-in connection to a MySQL or MariaDB server: the few queries a replication client needs, replica
 * registration, the binlog dump request and the event packets of the dump stream.
 *
 * <p>Not thread-safe: one thread uses it, except {@link #close()}, which any thread may call to unblock a
 * read in progress (the read then ends in a {@link ConnectionException}).
 */
public final class ServerConnection implements AutoCloseable {

    /** {@code BINLOG_DUMP_NON_BLOCK}: the dump ends with EOF at the end of the binlog instead of waiting. */
    public static final int BINLOG_DUMP_NON_BLOCK = BinlogDumpCommand.BINLOG_DUMP_NON_BLOCK;
    /** MariaDB's {@code BINLOG_SEND_ANNOTATE_ROWS_EVENT}: include ANNOTATE_ROWS events. */
    public static final int BINLOG_SEND_ANNOTATE_ROWS_EVENT = BinlogDumpCommand.BINLOG_SEND_ANNOTATE_ROWS_EVENT;

    /** The TCP socket, under the TLS socket if any: closing it ends a blocked read at once. */
    private final Socket socket;

    private final PacketChannel channel;
    private final HandshakeV10 handshake;
    private final String peer;
    private final Duration readTimeout;
    private volatile boolean closed;

    private ServerConnection(
            Socket socket, PacketChannel channel, HandshakeV10 handshake, String peer, Duration readTimeout) {
        this.socket = socket;
        this.readTimeout = readTimeout;
        this.channel = channel;
        this.handshake = handshake;
        this.peer = peer;
    }

    /**
     * Connects, reads the handshake, switches to TLS if the settings' {@link SslMode} says so, and logs in
     * (following an auth switch to the account's plugin).
     *
     * @throws ConnectionException if the TCP connection fails or ends, or a timeout passes
     * @throws TlsException if TLS is required and the server lacks it, or its certificate fails the mode's checks
     * @throws AuthenticationException if the server refuses the login, or the account's plugin would need TLS or
     *         the server's public key and the settings give neither ({@link ConnectionSettings#serverPublicKey()},
     *         {@link ConnectionSettings#allowPublicKeyRetrieval()})
     * @throws org.mysqlreplication.protocol.auth.UnsupportedAuthPluginException if the account needs a plugin we lack
     */
    public static ServerConnection open(ConnectionSettings settings) {
        return open(settings, new ConnectAbort());
    }

    /**
     * As {@link #open(ConnectionSettings)}, abortable from another thread with {@code abort} (which then refers to
     * this connection's socket until the next open with it).
     *
     * @throws ConnectionException also when {@code abort} was or is aborted before the open returns
     */
    public static ServerConnection open(ConnectionSettings settings, ConnectAbort abort) {
        String peer = settings.peer();
        Socket socket = new Socket();
        abort.attach(socket, peer);
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            int connectMillis = millis(settings.connectTimeout());
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), connectMillis);
            socket.setSoTimeout(connectMillis);
            PacketChannel channel = new PacketChannel(
                    socket.getInputStream(), new BufferedOutputStream(socket.getOutputStream(), 8192), peer);
            HandshakeV10 handshake = Login.readHandshake(channel, settings);
            boolean tls = TlsUpgrade.wanted(settings, handshake);
            if (tls) {
                Login.requestTls(channel, handshake, settings);
                SSLSocket ssl = TlsUpgrade.handshake(socket, settings);
                channel = channel.continueOver(
                        ssl.getInputStream(), new BufferedOutputStream(ssl.getOutputStream(), 8192));
            }
            Login.authenticate(channel, handshake, settings, tls);
            socket.setSoTimeout(millis(settings.socketTimeout()));
            return new ServerConnection(socket, channel, handshake, peer, settings.socketTimeout());
        } catch (IOException e) {
            closeQuietly(socket);
            throw abort.isAborted()
                    ? ConnectAbort.aborted(peer, e)
                    : new ConnectionException("connect to " + peer + " failed: " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(socket);
            throw abort.isAborted() && e instanceof ConnectionException ? ConnectAbort.aborted(peer, e) : e;
        }
    }

    /** The server version as {@code SELECT @@version} shows it (MariaDB's {@code 5.5.5-} prefix removed). */
    public String serverVersion() {
        return handshake.serverVersion();
    }

    /** The connection (thread) id the server gave this session, as {@code CONNECTION_ID()} returns it. */
    public long connectionId() {
        return handshake.connectionId();
    }

    public boolean isMariaDb() {
        return handshake.isMariaDb();
    }

    /**
     * Runs {@code sql} with COM_QUERY and returns its (first) text result set; further results are read and
     * dropped. A statement without rows gives a result with no columns.
     *
     * @throws ServerErrorException if the server answers with ERR
     */
    public QueryResult query(String sql) {
        return guarded(() -> {
            send(new QueryCommand(sql));
            TextResultSetReader.Result first = TextResultSetReader.read(channel, "COM_QUERY");
            boolean more = first.moreResults();
            while (more) {
                more = TextResultSetReader.read(channel, "COM_QUERY").moreResults();
            }
            return first.result();
        });
    }

    /** Runs a statement with COM_QUERY, dropping any rows. @throws ServerErrorException on ERR */
    public void execute(String sql) {
        query(sql);
    }

    /** Sends COM_REGISTER_SLAVE and waits for OK. @throws ServerErrorException on ERR */
    public void registerReplica(
            long serverId, String reportHost, String reportUser, String reportPassword, int reportPort) {
        guarded(() -> {
            send(new RegisterSlaveCommand(serverId, reportHost, reportUser, reportPassword, reportPort));
            ByteReader p = channel.readPacket(ReplyLimits.MAX_PACKET);
            if (p.remaining() > 0 && p.peekUint8(0) == ErrPacket.HEADER) {
                throw ErrPacket.parse(p).toException("COM_REGISTER_SLAVE");
            }
            if (p.remaining() == 0 || p.peekUint8(0) != OkPacket.HEADER) {
                throw new ProtocolException("COM_REGISTER_SLAVE to " + peer + ": expected OK, found " + describe(p));
            }
            return null;
        });
    }

    /**
     * Sends COM_BINLOG_DUMP; the events then come from {@link #readEvent(byte[], PayloadSpill)}. The dump is the last
     * command of a connection: when it ends (EOF or ERR) the server closes the session.
     *
     * <p>Set the session up first with {@link #execute(String)}: {@code SET @master_binlog_checksum =
     * @@global.binlog_checksum} (else a server with checksums refuses the dump), and on MariaDB
     * {@code SET @mariadb_slave_capability = 4} (else it replaces GTID and other newer events with dummies).
     *
     * @param flags {@link #BINLOG_DUMP_NON_BLOCK}, {@link #BINLOG_SEND_ANNOTATE_ROWS_EVENT}, or 0
     */
    public void requestBinlogDump(String binlogFile, long position, long serverId, int flags) {
        guarded(() -> {
            send(new BinlogDumpCommand(binlogFile, position, flags, serverId));
            return null;
        });
    }

    /**
     * Sends MySQL's COM_BINLOG_DUMP_GTID: the binlog without the transactions of {@code encodedGtidSet} (in
     * {@code Gtid_set::encode}'s form), from the start of the server's binlogs; set the session up as for
     * {@link #requestBinlogDump}.
     *
     * @param flags {@link #BINLOG_DUMP_NON_BLOCK} or 0; {@code BINLOG_THROUGH_GTID} is added
     */
    public void requestBinlogDumpGtid(byte[] encodedGtidSet, long serverId, int flags) {
        guarded(() -> {
            send(new BinlogDumpGtidCommand(
                    flags | BinlogDumpGtidCommand.BINLOG_THROUGH_GTID, serverId, "", 4, encodedGtidSet));
            return null;
        });
    }

    /**
     * The next event of the dump stream: the event's bytes (19-byte header, body, checksum if any), after the
     * packet's leading {@code 0x00}; events over 16 MiB arrive whole. The payload's bytes are read into
     * {@code reuse} when the packet fits (see {@link PacketChannel#readPacket(byte[])}): the caller must be done
     * with the previous event's bytes. Packets {@code spill} takes go to its files (see
     * {@link PacketChannel#readPayload(byte[], PayloadSpill)}): the payload then holds the file, from the event's
     * start, and the event's first bytes.
     *
     * @param reuse an array to read into, or null
     * @param spill null to read every event into memory
     * @return the event, or null when the server ends the stream with EOF (non-blocking dump at the end)
     * @throws ServerErrorException if the server sends ERR (e.g. 1236, binlog not found or purged)
     * @throws ConnectionException if the connection fails, times out, or is closed by {@link #close()}
     */
    public Payload readEvent(byte[] reuse, PayloadSpill spill) {
        Payload p;
        try { // no lambda here: this runs once per event
            p = channel.readPayload(reuse, spill);
        } catch (ConnectionException e) {
            if (!closed && e.getCause() instanceof SocketTimeoutException) {
                throw new ConnectionException(
                        "binlog dump from " + peer + " delivered no byte (no event, no heartbeat)"
                                + " for the read timeout of " + readTimeout + ": the connection is taken for dead",
                        e);
            }
            throw closed ? closedByClose(e) : e;
        }
        if (p.isSpilled()) {
            return p.skip(1); // a spill file is only taken for a packet that starts with 0x00 and an event
        }
        ByteReader event = eventOrNull(p.bytes(), peer);
        return event == null ? null : Payload.of(event);
    }

    /** As {@link #readEvent(byte[], PayloadSpill)} into a new array, never spilled: the event's bytes, or null at EOF. */
    public ByteReader readEventPacket() {
        Payload p = readEvent(null, null);
        return p == null ? null : p.bytes();
    }

    /** The event in a dump stream packet: after its 0x00; null for EOF; ERR and anything else thrown. */
    static ByteReader eventOrNull(ByteReader p, String peer) {
        if (p.remaining() > 0 && p.peekUint8(0) == OkPacket.HEADER) {
            p.skip(1);
            return p.slice(p.remaining());
        }
        if (EofPacket.isEof(p)) {
            return null;
        }
        if (p.remaining() > 0 && p.peekUint8(0) == ErrPacket.HEADER) {
            throw ErrPacket.parse(p).toException("binlog dump from " + peer);
        }
        throw new ProtocolException(
                "binlog dump from " + peer + ": expected an event (0x00), EOF or ERR, found " + describe(p));
    }

    /** Closes the socket. Safe from any thread and more than once; a blocked read ends with ConnectionException. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(socket);
    }

    private void send(Command command) {
        if (closed) {
            throw new ConnectionException("connection to " + peer + " is closed");
        }
        channel.resetSequence();
        channel.writePacket(command.toPayload());
    }

    /** Runs an exchange; an I/O failure after {@link #close()} says so. */
    private <T> T guarded(Supplier<T> exchange) {
        try {
            return exchange.get();
        } catch (ConnectionException e) {
            throw closed ? closedByClose(e) : e;
        }
    }

    private ConnectionException closedByClose(ConnectionException cause) {
        return new ConnectionException("connection to " + peer + " was closed by close()", cause);
    }

    private static String describe(ByteReader p) {
        return p.remaining() == 0
                ? "an empty packet"
                : "header 0x" + Integer.toHexString(p.peekUint8(0)) + " in a payload of " + p.remaining() + " bytes";
    }

    private static int millis(Duration d) {
        return d == null || d.isZero() ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do with a socket that fails to close
        }
    }
}
