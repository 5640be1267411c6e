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
 * Installs a MariaDB data directory and starts {@code mariadbd} on it, the first time on a free port and again (after
 * a stop or a kill) on the same port and data directory: what {@link LocalMariaDb} runs its server with.
 *
 * <p>Immutable; thread-safe.
 */
final class ServerLauncher {

    static final String HOST = "127.0.0.1";

    private final MariaDbBinaries binaries;
    private final Path baseDir;
    private final int serverId;
    private final Map<String, String> options;
    private final TestCertificates certificates;
    private final Duration startTimeout;

    ServerLauncher(
            MariaDbBinaries binaries,
            Path baseDir,
            int serverId,
            Map<String, String> options,
            TestCertificates certificates,
            Duration startTimeout) {
        this.binaries = binaries;
        this.baseDir = baseDir;
        this.serverId = serverId;
        this.options = new LinkedHashMap<>(options);
        this.certificates = certificates;
        this.startTimeout = startTimeout;
    }

    Path baseDir() {
        return baseDir;
    }

    MariaDbCommandLine commandLine() {
        return new MariaDbCommandLine(binaries.client(), baseDir.resolve("mysqld.sock"));
    }

    static void install(MariaDbBinaries binaries, Path baseDir) {
        Path log = baseDir.resolve("install.log");
        try {
            // a private tmpdir: bootstraps sharing /tmp collide on their temporary tables when run at once
            Files.createDirectories(baseDir.resolve("tmp"));
        } catch (IOException e) {
            throw new LocalMariaDbException("could not create " + baseDir.resolve("tmp"), e);
        }
        List<String> cmd = List.of(
                binaries.installDb().toString(),
                "--no-defaults",
                "--datadir=" + baseDir.resolve("data"),
                "--tmpdir=" + baseDir.resolve("tmp"),
                "--user=" + System.getProperty("user.name"),
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                "--innodb-log-file-size=4M",
                "--innodb-buffer-pool-size=16M");
        int rc = runToLog(cmd, log, Duration.ofMinutes(2));
        if (rc != 0) {
            throw new LocalMariaDbException("mariadb-install-db failed with exit code " + rc + ":\n" + tail(log));
        }
    }

    /** A server on a free port (a few tries, should another process take the port first); the port is its key. */
    Map.Entry<Integer, Process> launchOnFreePort() {
        LocalMariaDbException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            try {
                return Map.entry(port, launch(port));
            } catch (LocalMariaDbException e) {
                last = e;
                if (!tail(baseDir.resolve("error.log")).contains("Address already in use")) {
                    throw e;
                }
            }
        }
        throw last;
    }

    /** Starts the server on {@code port} and waits until it accepts connections. */
    Process launch(int port) {
        List<String> cmd = serverCommand(port);
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            baseDir.resolve("stdout.log").toFile()))
                    .start();
            if (awaitReady(p, port)) {
                return p;
            }
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new LocalMariaDbException(
                    "mariadbd did not start on port " + port + ":\n" + tail(baseDir.resolve("error.log")));
        } catch (IOException e) {
            throw new LocalMariaDbException("could not start " + binaries.server(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalMariaDbException("interrupted while starting mariadbd", e);
        }
    }

    private List<String> serverCommand(int port) {
        List<String> cmd = new ArrayList<>(List.of(
                binaries.server().toString(),
                "--no-defaults",
                "--datadir=" + baseDir.resolve("data"),
                "--tmpdir=" + baseDir.resolve("tmp"),
                "--user=" + System.getProperty("user.name"),
                "--port=" + port,
                "--bind-address=" + HOST,
                "--socket=" + baseDir.resolve("mysqld.sock"),
                "--pid-file=" + baseDir.resolve("mysqld.pid"),
                "--log-error=" + baseDir.resolve("error.log"),
                "--server-id=" + serverId,
                "--log-bin=" + baseDir.resolve("data").resolve("mysql-bin"),
                "--skip-name-resolve",
                "--innodb-log-file-size=4M",
                "--innodb-buffer-pool-size=32M",
                "--max-connections=50"));
        for (Map.Entry<String, String> o : options.entrySet()) {
            cmd.add("--" + o.getKey() + "=" + o.getValue());
        }
        if (certificates != null) {
            cmd.add("--ssl-ca=" + certificates.caCertificate());
            cmd.add("--ssl-cert=" + certificates.serverCertificate());
            cmd.add("--ssl-key=" + certificates.serverKey());
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
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
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

    static String tail(Path log) {
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
