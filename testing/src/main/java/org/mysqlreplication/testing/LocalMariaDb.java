package org.mysqlreplication.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * <p>Thread-safe once started; {@link #close()} is idempotent.
 */
public final class LocalMariaDb implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final Path baseDir;
    private final int port;
    private final int serverId;
    private final Process process;
    private final MariaDbCommandLine commandLine;
    private final Thread shutdownHook;
    private final TestCertificates certificates;
    private boolean closed;

    private LocalMariaDb(Path baseDir, int port, int serverId, Process process, MariaDbCommandLine commandLine,
            TestCertificates certificates) {
        this.baseDir = baseDir;
        this.certificates = certificates;
        this.port = port;
        this.serverId = serverId;
        this.process = process;
        this.commandLine = commandLine;
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
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        TempDirs.deleteRecursively(baseDir);
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

        /** Installs a fresh data directory, starts the server and waits until it accepts connections. */
        public LocalMariaDb start() {
            MariaDbBinaries binaries = MariaDbBinaries.locate();
            Path baseDir = TempDirs.create();
            try {
                install(binaries, baseDir);
                TestCertificates certificates = tls ? TestCertificates.generate(baseDir.resolve("tls")) : null;
                return launch(binaries, baseDir, certificates);
            } catch (RuntimeException e) {
                TempDirs.deleteRecursively(baseDir);
                throw e;
            }
        }

        private static void install(MariaDbBinaries binaries, Path baseDir) {
            Path log = baseDir.resolve("install.log");
            try {
                // a private tmpdir: bootstraps sharing /tmp collide on their temporary tables when run at once
                Files.createDirectories(baseDir.resolve("tmp"));
            } catch (IOException e) {
                throw new LocalMariaDbException("could not create " + baseDir.resolve("tmp"), e);
            }
            List<String> cmd = List.of(binaries.installDb().toString(), "--no-defaults",
                    "--datadir=" + baseDir.resolve("data"), "--tmpdir=" + baseDir.resolve("tmp"),
                    "--user=" + System.getProperty("user.name"),
                    "--auth-root-authentication-method=normal", "--skip-test-db",
                    "--innodb-log-file-size=4M", "--innodb-buffer-pool-size=16M");
            int rc = runToLog(cmd, log, Duration.ofMinutes(2));
            if (rc != 0) {
                throw new LocalMariaDbException("mariadb-install-db failed with exit code " + rc + ":\n"
                        + tail(log));
            }
        }

        private LocalMariaDb launch(MariaDbBinaries binaries, Path baseDir, TestCertificates certificates) {
            LocalMariaDbException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freePort();
                List<String> cmd = serverCommand(binaries, baseDir, port);
                if (certificates != null) {
                    cmd.add("--ssl-ca=" + certificates.caCertificate());
                    cmd.add("--ssl-cert=" + certificates.serverCertificate());
                    cmd.add("--ssl-key=" + certificates.serverKey());
                }
                Path errLog = baseDir.resolve("error.log");
                try {
                    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                            .redirectOutput(baseDir.resolve("stdout.log").toFile()).start();
                    MariaDbCommandLine cli = new MariaDbCommandLine(binaries.client(), baseDir.resolve("mysqld.sock"));
                    if (awaitReady(p, port)) {
                        LocalMariaDb db = new LocalMariaDb(baseDir, port, serverId, p, cli, certificates);
                        db.query("SELECT 1");
                        return db;
                    }
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                    last = new LocalMariaDbException("mariadbd did not start on port " + port + ":\n" + tail(errLog));
                    if (!tail(errLog).contains("Address already in use")) {
                        throw last;
                    }
                } catch (IOException e) {
                    throw new LocalMariaDbException("could not start " + binaries.server(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LocalMariaDbException("interrupted while starting mariadbd", e);
                }
            }
            throw last;
        }

        private List<String> serverCommand(MariaDbBinaries binaries, Path baseDir, int port) {
            List<String> cmd = new ArrayList<>(List.of(binaries.server().toString(), "--no-defaults",
                    "--datadir=" + baseDir.resolve("data"), "--tmpdir=" + baseDir.resolve("tmp"),
                    "--user=" + System.getProperty("user.name"), "--port=" + port, "--bind-address=" + HOST, "--socket=" + baseDir.resolve("mysqld.sock"),
                    "--pid-file=" + baseDir.resolve("mysqld.pid"), "--log-error=" + baseDir.resolve("error.log"),
                    "--server-id=" + serverId, "--log-bin=" + baseDir.resolve("data").resolve("mysql-bin"),
                    "--skip-name-resolve", "--innodb-log-file-size=4M", "--innodb-buffer-pool-size=32M",
                    "--max-connections=50"));
            for (Map.Entry<String, String> o : options.entrySet()) {
                cmd.add("--" + o.getKey() + "=" + o.getValue());
            }
            return cmd;
        }

        private boolean awaitReady(Process p, int port) throws InterruptedException {
            long deadline = System.nanoTime() + startTimeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    return false;
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(HOST, port), 500);
                    return true;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(HOST, 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new LocalMariaDbException("no free TCP port on " + HOST, e);
        }
    }

    private static int runToLog(List<String> cmd, Path log, Duration timeout) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new LocalMariaDbException(cmd.get(0) + " did not finish within " + timeout);
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new LocalMariaDbException("could not run " + cmd.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalMariaDbException("interrupted while running " + cmd.get(0), e);
        }
    }

    private static String tail(Path log) {
        try {
            if (!Files.exists(log)) {
                return "(no log at " + log + ")";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }
}
