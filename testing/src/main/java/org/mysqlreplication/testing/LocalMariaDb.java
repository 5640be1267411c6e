package org.mysqlreplication.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway MariaDB server started from the locally installed binaries, for tests and demos.
 *
 * <p>Each instance gets its own temporary data directory, a free TCP port on 127.0.0.1, its own Unix
 * socket, a server id and a row-based binary log. {@link #close()} stops the server and deletes the data
 * directory. Several instances can run at once, and none of them touches a server it did not start (the
 * machine may run its own MariaDB on port 3306). The user is {@code root} with an empty password, over TCP
 * as well as the socket.
 *
 * <pre>{@code
 * try (LocalMariaDb db = LocalMariaDb.builder().binlogChecksum("NONE").start()) {
 *     db.execute("CREATE DATABASE test");
 *     List<List<String>> rows = db.query("SELECT @@server_id");
 * }
 * }</pre>
 *
 * <p>A server can be stopped ({@link #stop()}, a clean shutdown, or {@link #kill()}, a crash) and started again
 * ({@link #startAgain()}) on the same port and data directory, and can run as a replica of another
 * ({@link Builder#replicaOf(LocalMariaDb)}).
 *
 * <p>Thread-safe once started; {@link #close()} is idempotent.
 */
public final class LocalMariaDb implements AutoCloseable {

    private static final String HOST = ServerLauncher.HOST;

    private final Path baseDir;
    private final int port;
    private final int serverId;
    private final ServerLauncher launcher;
    private final MariaDbCommandLine commandLine;
    private final Thread shutdownHook;
    private final TestCertificates certificates;
    private Process process;
    private boolean closed;

    private LocalMariaDb(
            ServerLauncher launcher, int port, int serverId, Process process, TestCertificates certificates) {
        this.baseDir = launcher.baseDir();
        this.launcher = launcher;
        this.certificates = certificates;
        this.port = port;
        this.serverId = serverId;
        this.process = process;
        this.commandLine = launcher.commandLine();
        this.shutdownHook = new Thread(this::stopQuietly, "local-mariadb-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A builder with the defaults: CRC32 checksums, FULL row image, server's default row metadata, UTC. */
    public static Builder builder() {
        return new Builder();
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String user() {
        return "root";
    }

    /** The root password: empty. */
    public String password() {
        return "";
    }

    public int serverId() {
        return serverId;
    }

    /** A JDBC URL for the MariaDB Connector/J (no database selected). */
    public String jdbcUrl() {
        return "jdbc:mariadb://" + HOST + ":" + port + "/";
    }

    public Path socket() {
        return baseDir.resolve("mysqld.sock");
    }

    public Path dataDir() {
        return baseDir.resolve("data");
    }

    /**
     * The PEM file of the CA that signed the server's certificate, for clients that check it; null unless the
     * server was started with {@link Builder#tls()}. The certificate names IP address 127.0.0.1 only.
     */
    public Path caCertificate() {
        return certificates == null ? null : certificates.caCertificate();
    }

    /** Where the binary log files are: {@code mysql-bin.000001} and on. */
    public Path binlogDir() {
        return dataDir();
    }

    /** Runs statements, in order, with the {@code mariadb} command-line client; fails on the first error. */
    public void execute(String... statements) {
        StringBuilder sql = new StringBuilder();
        for (String s : statements) {
            sql.append(s).append(";\n");
        }
        commandLine.run(sql.toString(), false);
    }

    /**
     * Runs SQL with the {@code mariadb} command-line client and returns the rows of its result sets as text,
     * {@code null} for SQL NULL.
     */
    public List<List<String>> query(String sql) {
        return commandLine.query(sql);
    }

    /** Whether the server process runs (it does from the start until {@link #stop()}, {@link #kill()} or close). */
    public synchronized boolean isRunning() {
        return process.isAlive();
    }

    /** Shuts the server down cleanly (SIGTERM), keeping its data directory and port for {@link #startAgain()}. */
    public synchronized void stop() {
        end(false);
    }

    /** Kills the server (SIGKILL), as a crash would, keeping its data directory and port. */
    public synchronized void kill() {
        end(true);
    }

    /**
     * Starts the stopped or killed server again on the same port and data directory (with crash recovery after a
     * kill) and waits until it accepts connections; a replica resumes replicating. Nothing when it runs.
     *
     * @throws LocalMariaDbException if it does not start, e.g. when another process took the port meanwhile
     */
    public synchronized void startAgain() {
        if (closed) {
            throw new IllegalStateException("the server on port " + port + " is closed");
        }
        if (!process.isAlive()) {
            process = launcher.launch(port);
        }
    }

    /**
     * On a replica: waits until it has applied the transactions of {@code gtidPosition} (MariaDB's
     * {@code MASTER_GTID_WAIT}).
     *
     * @throws LocalMariaDbException if it has not within {@code timeout}
     */
    public void awaitReplicated(String gtidPosition, Duration timeout) {
        String result = query("SELECT MASTER_GTID_WAIT('" + gtidPosition.replace("'", "") + "', "
                        + timeout.toMillis() / 1000.0 + ")")
                .get(0)
                .get(0);
        if (!"0".equals(result)) {
            throw new LocalMariaDbException("the replica on port " + port + " did not reach GTID position "
                    + gtidPosition + " within " + timeout + " (gtid_slave_pos " + query("SELECT @@gtid_slave_pos")
                    + ")");
        }
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting; the hook does the same work
        }
    }

    private void stopQuietly() {
        end(false);
        TempDirs.deleteRecursively(baseDir);
    }

    private void end(boolean kill) {
        Process p = process;
        if (kill) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Options of a {@link LocalMariaDb}. Not thread-safe; {@link #start()} may be called more than once, each
     * call starting a new server.
     */
    public static final class Builder {

        private final Map<String, String> options = new LinkedHashMap<>();
        private int serverId = 1;
        private Duration startTimeout = Duration.ofSeconds(60);
        private boolean tls;
        private LocalMariaDb primary;

        private Builder() {
            options.put("binlog-format", "ROW");
            options.put("binlog-checksum", "CRC32");
            options.put("binlog-row-image", "FULL");
            options.put("default-time-zone", "+00:00");
        }

        /** {@code CRC32} (the default) or {@code NONE}. */
        public Builder binlogChecksum(String checksum) {
            options.put("binlog-checksum", checksum);
            return this;
        }

        /** {@code FULL} (the default), {@code MINIMAL} or {@code NOBLOB}. */
        public Builder binlogRowImage(String image) {
            options.put("binlog-row-image", image);
            return this;
        }

        /** {@code NO_LOG}, {@code MINIMAL} or {@code FULL} (MariaDB 10.5+); the server's default if not set. */
        public Builder binlogRowMetadata(String metadata) {
            options.put("binlog-row-metadata", metadata);
            return this;
        }

        /** The server's time zone as an offset such as {@code +00:00} (the default) or {@code SYSTEM}. */
        public Builder timeZone(String zone) {
            options.put("default-time-zone", zone);
            return this;
        }

        /**
         * {@code log_bin_compress=ON}: the server writes its QUERY and rows events compressed (zlib; types 165-171)
         * when they are at least {@code minLength} bytes ({@code log_bin_compress_min_len}, 10 to 1024; the
         * server's default is 256).
         */
        public Builder binlogCompression(int minLength) {
            options.put("log-bin-compress", "ON");
            options.put("log-bin-compress-min-len", Integer.toString(minLength));
            return this;
        }

        /** Any other server option, passed as {@code --name=value}. */
        public Builder serverOption(String name, String value) {
            options.put(name, value);
            return this;
        }

        /**
         * Offer TLS: a new CA and server certificate ({@link TestCertificates}) are made at start and passed as
         * {@code ssl_ca}, {@code ssl_cert} and {@code ssl_key}; {@link LocalMariaDb#caCertificate()} gives the CA.
         * Add {@code serverOption("require-secure-transport", "ON")} to refuse plain TCP connections (the Unix
         * socket, which {@link LocalMariaDb#execute} uses, stays allowed).
         */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        public Builder serverId(int id) {
            this.serverId = id;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Run as a replica of {@code primary}, as a MariaDB replica with GTIDs runs: {@code log_slave_updates} (the
         * replicated transactions go to this server's binlog too, with their GTIDs), {@code CHANGE MASTER TO ...
         * MASTER_USE_GTID=slave_pos} as root, and {@code START SLAVE} once started. Its server id must differ from the
         * primary's ({@link #serverId(int)}).
         */
        public Builder replicaOf(LocalMariaDb primary) {
            this.primary = primary;
            options.put("log-slave-updates", "ON");
            return this;
        }

        /** Installs a fresh data directory, starts the server and waits until it accepts connections. */
        public LocalMariaDb start() {
            if (primary != null && primary.serverId() == serverId) {
                throw new IllegalStateException("a replica needs a server id other than its primary's " + serverId);
            }
            MariaDbBinaries binaries = MariaDbBinaries.locate();
            Path baseDir = TempDirs.create();
            try {
                ServerLauncher.install(binaries, baseDir);
                TestCertificates certificates = tls ? TestCertificates.generate(baseDir.resolve("tls")) : null;
                ServerLauncher launcher =
                        new ServerLauncher(binaries, baseDir, serverId, options, certificates, startTimeout);
                Map.Entry<Integer, Process> started = launcher.launchOnFreePort();
                LocalMariaDb db =
                        new LocalMariaDb(launcher, started.getKey(), serverId, started.getValue(), certificates);
                try {
                    db.query("SELECT 1");
                    if (primary != null) {
                        db.execute(
                                "CHANGE MASTER TO MASTER_HOST='" + primary.host() + "', MASTER_PORT="
                                        + primary.port() + ", MASTER_USER='" + primary.user() + "', MASTER_PASSWORD='',"
                                        + " MASTER_CONNECT_RETRY=1, MASTER_USE_GTID=slave_pos",
                                "START SLAVE");
                    }
                    return db;
                } catch (RuntimeException e) {
                    db.close();
                    throw e;
                }
            } catch (RuntimeException e) {
                TempDirs.deleteRecursively(baseDir);
                throw e;
            }
        }
    }
}
