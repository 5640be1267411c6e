package org.mysqlreplication.testing.replay;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.mysqlreplication.testing.TestCertificates;

/**
 * A stand-in MySQL 8.4/9.x source on 127.0.0.1 that serves binlog files from disk to replication clients: for tests
 * of the MySQL side of a client on a machine without a MySQL server. It speaks what replication clients use, the
 * way MySQL answers it:
 * <ul>
 *   <li>the handshake and login with the accounts given ({@link ReplayUser}): {@code mysql_native_password},
 *       {@code caching_sha2_password} (fast path for accounts in its cache of those that once authenticated
 *       fully, full authentication over TLS or with its RSA key, sent on request) and {@code sha256_password};
 *       auth switch when the client starts with another plugin; ERR 1045 for a wrong password;</li>
 *   <li>TLS when built with {@link Builder#tls()} (a throwaway CA, see {@link #caCertificate()});</li>
 *   <li>{@code SELECT} of {@code @@version}, {@code @@global.binlog_checksum}, {@code @@gtid_executed},
 *       {@code @@gtid_purged} and the variables drivers read at connect; {@code SHOW BINARY LOG STATUS} (8.2+) or
 *       {@code SHOW MASTER STATUS} (before 8.4), {@code SHOW BINARY LOGS}; {@code SET} of user variables;
 *       {@code SHOW REPLICAS} (8.0.22+; {@code SHOW SLAVE HOSTS} before 8.4) of the connections that registered
 *       as replicas, with the UUID their session set as {@code @replica_uuid} or {@code @slave_uuid};
 *       {@code information_schema.COLUMNS} from the tables given ({@link Builder#table});</li>
 *   <li>COM_REGISTER_SLAVE, COM_BINLOG_DUMP and COM_BINLOG_DUMP_GTID (leaving out the transactions of the
 *       client's set, tagged or not, by their GTID_LOG_EVENT and GTID_TAGGED_LOG_EVENT), heartbeats, the
 *       non-blocking end of the log and blocking waits;</li>
 *   <li>faults on request: drop the connection at an event or a byte offset, stall, flip a byte.</li>
 * </ul>
 *
 * <pre>{@code
 * try (MysqlReplayServer server = MysqlReplayServer.builder()
 *         .binlog(Path.of("mysql-bin.000001"))
 *         .user("repl", "secret", ReplayAuthPlugin.CACHING_SHA2_PASSWORD)
 *         .start()) {
 *     // connect a client to 127.0.0.1:server.port()
 * }
 * }</pre>
 *
 * <p>Thread-safe: each connection is served on its own thread; {@link #close()} ends them all and is idempotent.
 */
public final class MysqlReplayServer implements AutoCloseable {

    /** The address it listens on. */
    public static final String HOST = "127.0.0.1";

    private final ServerConfig config;
    private final ServerSocket listener;
    private final Path dir;
    private final TestCertificates certificates;
    private final SystemVariables variables;
    private final Set<ReplaySession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionIds = new AtomicLong(7);
    private volatile boolean closed;

    private MysqlReplayServer(ServerConfig config, ServerSocket listener, Path dir, TestCertificates certificates) {
        this.config = config;
        this.listener = listener;
        this.dir = dir;
        this.certificates = certificates;
        this.variables = new SystemVariables(config, listener.getLocalPort());
        Thread acceptor = new Thread(this::accept, "mysql-replay-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A builder: MySQL 8.4.3, server id 1, no TLS, caching_sha2_password as the handshake's plugin. */
    public static Builder builder() {
        return new Builder();
    }

    /** The TCP port on {@link #HOST}. */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * The PEM file of the server's RSA public key ({@code public_key.pem}), for clients that encrypt the password
     * without TLS and do not fetch the key (Connector/J's {@code serverRSAPublicKeyFile}).
     */
    public Path publicKeyFile() {
        return dir.resolve("public_key.pem");
    }

    /** The PEM file of the CA that signed the TLS certificate (it names IP 127.0.0.1); null without TLS. */
    public Path caCertificate() {
        return certificates == null ? null : certificates.caCertificate();
    }

    /**
     * Empties caching_sha2_password's cache, as {@code FLUSH PRIVILEGES} does: each account authenticates fully
     * once more.
     */
    public void clearAuthenticationCache() {
        config.fullyAuthenticated().clear();
    }

    /** Every login so far, in order: who, with which plugin, by which path, and whether it was let in. */
    public List<ReplayLogin> logins() {
        synchronized (config.logins()) {
            return List.copyOf(config.logins());
        }
    }

    /** The payload of the last COM_BINLOG_DUMP_GTID after its command byte, or null if none came. */
    public byte[] lastGtidDump() {
        byte[] last = config.lastGtidDump().get();
        return last == null ? null : last.clone();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket s = listener.accept();
                ReplaySession session =
                        new ReplaySession(config, s, connectionIds.getAndIncrement(), variables, () -> closed);
                sessions.add(session);
                Thread t = new Thread(
                        () -> {
                            try {
                                session.run();
                            } finally {
                                sessions.remove(session);
                            }
                        },
                        "mysql-replay-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Stops listening, closes every connection and deletes the key and certificate files. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
        sessions.forEach(ReplaySession::close);
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind
        }
    }

    /** Builds a {@link MysqlReplayServer}. Not thread-safe. */
    public static final class Builder {
        private final List<ReplayBinlog> binlogs = new ArrayList<>();
        private final Map<String, ReplayUser> users = new LinkedHashMap<>();
        private String version = "8.4.3";
        private long serverId = 1;
        private String serverUuid = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
        private ReplayAuthPlugin defaultPlugin;
        private boolean tls;
        private ReplayFaults faults = ReplayFaults.NONE;
        private int port;
        private final Map<String, List<ReplayColumn>> tables = new LinkedHashMap<>();

        private Builder() {}

        /** Serves {@code file} under its file name, after the files added before. */
        public Builder binlog(Path file) {
            try {
                return binlog(file.getFileName().toString(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new ReplayServerException("cannot read binlog " + file, e);
            }
        }

        /**
         * Serves {@code bytes} (a whole binlog file, from its magic) as file {@code name}.
         *
         * @throws ReplayServerException for a file of binlog format v1-v3, a cut or corrupt file (an event that
         *     does not fit), or a GTID event that cannot be read
         */
        public Builder binlog(String name, byte[] bytes) {
            binlogs.add(ReplayBinlog.of(name, bytes.clone()));
            return this;
        }

        /** An account; the password may be empty. */
        public Builder user(String name, String password, ReplayAuthPlugin plugin) {
            users.put(name, new ReplayUser(name, password, plugin));
            return this;
        }

        /**
         * A table {@code information_schema.COLUMNS} shows (for clients that name columns from it, as
         * python-mysql-replication and this project's reader do); without any, such queries get no rows.
         */
        public Builder table(String schema, String table, ReplayColumn... columns) {
            tables.put(schema + "." + table, List.of(columns));
            return this;
        }

        /** The version the handshake and {@code @@version} show, e.g. {@code 8.0.31} or {@code 9.1.0}. */
        public Builder serverVersion(String value) {
            version = value;
            return this;
        }

        /** The TCP port to listen on; 0 (the default) for a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, found " + value);
            }
            port = value;
            return this;
        }

        public Builder serverId(long value) {
            serverId = value;
            return this;
        }

        public Builder serverUuid(String value) {
            serverUuid = value;
            return this;
        }

        /**
         * The plugin the handshake names (MySQL's {@code authentication_policy}); default caching_sha2_password,
         * mysql_native_password for a server before 8.0.4.
         */
        public Builder defaultAuthPlugin(ReplayAuthPlugin value) {
            defaultPlugin = value;
            return this;
        }

        /** Offers TLS with a throwaway CA and certificate ({@link TestCertificates}). */
        public Builder tls() {
            tls = true;
            return this;
        }

        /** Closes the connection instead of sending the {@code n}th event packet of each dump (1: the ROTATE). */
        public Builder dropConnectionAtEvent(int n) {
            faults = new ReplayFaults(
                    n,
                    faults.dropAtByte(),
                    faults.stallAtEvent(),
                    faults.stall(),
                    faults.flipAtEvent(),
                    faults.flipOffset());
            return this;
        }

        /** Closes the connection once {@code offset} bytes of each dump are sent, inside an event packet. */
        public Builder dropConnectionAtByte(long offset) {
            faults = new ReplayFaults(
                    faults.dropAtEvent(),
                    offset,
                    faults.stallAtEvent(),
                    faults.stall(),
                    faults.flipAtEvent(),
                    faults.flipOffset());
            return this;
        }

        /** Waits {@code stall} before sending the {@code n}th event packet of each dump. */
        public Builder stallAtEvent(int n, Duration stall) {
            faults = new ReplayFaults(
                    faults.dropAtEvent(), faults.dropAtByte(), n, stall, faults.flipAtEvent(), faults.flipOffset());
            return this;
        }

        /** Flips (XOR 0xFF) the byte at {@code offset} of the {@code n}th event of each dump. */
        public Builder flipByte(int n, int offset) {
            faults = new ReplayFaults(
                    faults.dropAtEvent(), faults.dropAtByte(), faults.stallAtEvent(), faults.stall(), n, offset);
            return this;
        }

        /**
         * Makes the RSA key pair (and the certificates with {@link #tls()}) and starts listening (on a free port
         * unless {@link #port(int)} says which).
         *
         * @throws ReplayServerException without a binlog or an account, or if the port or keys cannot be had
         */
        public MysqlReplayServer start() {
            if (binlogs.isEmpty() || users.isEmpty()) {
                throw new ReplayServerException("a replay server needs at least one binlog and one user");
            }
            try {
                Path dir = Files.createTempDirectory("mysql-replay-");
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                KeyPair keys = g.generateKeyPair();
                byte[] pem = ("-----BEGIN PUBLIC KEY-----\n"
                                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                                        .encodeToString(keys.getPublic().getEncoded())
                                + "\n-----END PUBLIC KEY-----\n")
                        .getBytes(StandardCharsets.US_ASCII);
                Files.write(dir.resolve("public_key.pem"), pem);
                TestCertificates certs = tls ? TestCertificates.generate(dir.resolve("tls")) : null;
                SSLContext ssl = certs == null ? null : certs.serverSslContext();
                ReplayAuthPlugin plugin = defaultPlugin != null
                        ? defaultPlugin
                        : ServerConfig.versionAtLeast(version, 8, 0, 4)
                                ? ReplayAuthPlugin.CACHING_SHA2_PASSWORD
                                : ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD;
                ServerConfig config = new ServerConfig(
                        List.copyOf(binlogs),
                        Map.copyOf(users),
                        version,
                        serverId,
                        serverUuid,
                        plugin,
                        ssl,
                        keys,
                        pem,
                        ConcurrentHashMap.newKeySet(),
                        new AtomicReference<>(),
                        faults,
                        Collections.synchronizedList(new ArrayList<>()),
                        new InformationSchema(tables),
                        new ReplayReplicas());
                ServerSocket listener = new ServerSocket(port, 50, InetAddress.getByName(HOST));
                return new MysqlReplayServer(config, listener, dir, certs);
            } catch (IOException | GeneralSecurityException e) {
                throw new ReplayServerException("could not start the replay server", e);
            }
        }
    }
}
