package org.mysqlreplication.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mysqlreplication.testing.replay.MysqlReplayServer;
import org.mysqlreplication.testing.replay.ReplayAuthPlugin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code replay-server}: serves binlog files as a stand-in MySQL source ({@link MysqlReplayServer}) on 127.0.0.1
 * until interrupted (Ctrl-C), for trying a replication client against MySQL's protocol and authentication without a
 * MySQL server. Says on stderr where it listens and where its RSA public key (and with {@code --tls} its CA) is.
 */
@Command(
        name = "replay-server",
        mixinStandardHelpOptions = true,
        description = "Serve binlog files as a stand-in MySQL 8.4/9.x source until interrupted.")
final class ReplayServerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "binlog files, served in this order")
    private List<Path> files;

    @Option(names = "--port", defaultValue = "0", description = "port on 127.0.0.1 (default: a free one)")
    private int port;

    @Option(names = "--user", defaultValue = "repl", description = "the account (default: ${DEFAULT-VALUE})")
    private String user;

    @Option(
            names = "--password-env",
            paramLabel = "VAR",
            description = "read the account's password from this" + " environment variable (default: no password)")
    private String passwordEnv;

    @Option(
            names = "--auth-plugin",
            defaultValue = "CACHING_SHA2_PASSWORD",
            paramLabel = "PLUGIN",
            description = "MYSQL_NATIVE_PASSWORD, CACHING_SHA2_PASSWORD or SHA256_PASSWORD (default: ${DEFAULT-VALUE})")
    private ReplayAuthPlugin plugin;

    @Option(
            names = "--server-version",
            defaultValue = "8.4.3",
            description = "version to show" + " (default: ${DEFAULT-VALUE})")
    private String version;

    @Option(names = "--tls", description = "offer TLS with a throwaway CA and certificate")
    private boolean tls;

    @Override
    public Integer call() {
        String password = "";
        if (passwordEnv != null) {
            password = System.getenv(passwordEnv);
            if (password == null) {
                throw new ParameterException(
                        spec.commandLine(), "environment variable " + passwordEnv + " (--password-env) is not set");
            }
        }
        MysqlReplayServer.Builder b =
                MysqlReplayServer.builder().port(port).serverVersion(version).user(user, password, plugin);
        files.forEach(b::binlog);
        if (tls) {
            b.tls();
        }
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch stopped = new CountDownLatch(1);
        try (MysqlReplayServer server = b.start()) {
            Thread hook = new Thread(
                    () -> {
                        server.close();
                        stopped.countDown();
                    },
                    "replay-server-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            err.println("MySQL " + version + " replay of " + files.size() + " file(s) on " + MysqlReplayServer.HOST
                    + ":" + server.port() + "; user '" + user + "' (" + plugin.pluginName() + "); RSA public key "
                    + server.publicKeyFile() + (tls ? "; TLS CA " + server.caCertificate() : "") + "; Ctrl-C stops");
            err.flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it closes the server
                }
            }
        }
        return 0;
    }
}
