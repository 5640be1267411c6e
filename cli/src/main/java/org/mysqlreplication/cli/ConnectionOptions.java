package org.mysqlreplication.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.mysqlreplication.client.BinLogStreamReaderConfig;
import org.mysqlreplication.protocol.SslMode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of {@code dump} that say how to reach and stay connected to the server: host, user, password,
 * server id, TLS, timeouts, heartbeat and reconnect. A picocli mixin; not thread-safe.
 */
final class ConnectionOptions {

    @Option(names = "--host", required = true, description = "server host")
    private String host;

    @Option(names = "--port", defaultValue = "3306", description = "server port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--user", required = true, description = "replication user")
    private String user;

    @Option(
            names = "--password",
            description =
                    "password (prefer --password-env: a command line is visible to" + " other users of the machine)")
    private String password;

    @Option(
            names = "--password-env",
            paramLabel = "VAR",
            description = "read the password from this" + " environment variable")
    private String passwordEnv;

    @Option(
            names = "--server-id",
            required = true,
            description = "this replica's server id, unique among replicas" + " (1..4294967295)")
    private long serverId;

    @Option(
            names = "--ssl-mode",
            defaultValue = "DISABLED",
            paramLabel = "MODE",
            description = "TLS: DISABLED,"
                    + " PREFERRED, REQUIRED (no certificate check), VERIFY_CA or VERIFY_IDENTITY, in any case (default:"
                    + " ${DEFAULT-VALUE})")
    private SslMode sslMode;

    @Option(
            names = "--ssl-ca",
            paramLabel = "FILE",
            description = "PEM file of the CA certificates to trust, for"
                    + " VERIFY_CA and VERIFY_IDENTITY (default: the JDK's trust store)")
    private Path sslCa;

    @Option(
            names = "--server-public-key",
            paramLabel = "FILE",
            description = "PEM file of the server's RSA public"
                    + " key (its public_key.pem): without TLS, caching_sha2_password and sha256_password encrypt the password"
                    + " with it")
    private Path serverPublicKey;

    @Option(
            names = "--allow-public-key-retrieval",
            description = "without TLS and --server-public-key, let"
                    + " caching_sha2_password and sha256_password ask the server for its key (a man in the middle could"
                    + " hand out its own)")
    private boolean allowPublicKeyRetrieval;

    @Option(
            names = "--connect-timeout",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "how long connecting may take, e.g. 500ms, 10s, 1m" + " (default: ${DEFAULT-VALUE})")
    private Duration connectTimeout;

    @Option(
            names = "--heartbeat",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "ask the server for a heartbeat after this much idle time (default: none)")
    private Duration heartbeat;

    @Option(
            names = "--reconnect",
            paramLabel = "ATTEMPTS",
            description = "with --follow: when the connection is"
                    + " lost, connect again up to this many times in a row and continue after the last event printed")
    private Integer reconnect;

    @Option(
            names = "--reconnect-delay",
            paramLabel = "DURATION",
            defaultValue = "2s",
            converter = DurationConverter.class,
            description = "the wait before each reconnect (default:" + " ${DEFAULT-VALUE})")
    private Duration reconnectDelay;

    /** Sets these options on {@code b}; a bad combination is a {@link ParameterException} of {@code spec}. */
    void applyTo(BinLogStreamReaderConfig.Builder b, CommandSpec spec) {
        if (sslCa != null && !sslMode.verifiesCertificate()) {
            throw new ParameterException(spec.commandLine(), "--ssl-ca needs --ssl-mode VERIFY_CA or VERIFY_IDENTITY");
        }
        b.connection(host, port, user, password(spec))
                .serverId(serverId)
                .connectTimeout(connectTimeout)
                .sslMode(sslMode)
                .sslCa(sslCa)
                .serverPublicKey(serverPublicKey)
                .allowPublicKeyRetrieval(allowPublicKeyRetrieval);
        if (heartbeat != null) {
            b.slaveHeartbeat(heartbeat);
        }
        if (reconnect != null) {
            b.reconnect(reconnect, reconnectDelay);
        }
    }

    private String password(CommandSpec spec) {
        if (password != null && passwordEnv != null) {
            throw new ParameterException(spec.commandLine(), "give --password or --password-env, not both");
        }
        if (passwordEnv != null) {
            String value = System.getenv(passwordEnv);
            if (value == null) {
                throw new ParameterException(
                        spec.commandLine(), "environment variable " + passwordEnv + " (--password-env) is not set");
            }
            return value;
        }
        return password == null ? "" : password;
    }
}
