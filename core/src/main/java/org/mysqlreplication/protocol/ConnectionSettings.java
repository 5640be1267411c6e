package org.mysqlreplication.protocol;

import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.X509TrustManager;

/**
 * Where and as whom to connect: host, port, user, password, optional default database, connect timeout,
 * optional socket (read) timeout and TLS. {@code toString()} never shows the password.
 *
 * <p>Immutable and thread-safe.
 *
 * @param password never null; empty for no password ({@code null} is taken as empty)
 * @param database the default schema, or null for none
 * @param connectTimeout bound on the TCP connect and on the handshake and login; null means 10 seconds
 * @param socketTimeout bound on each read once logged in; null or zero means none (a blocking binlog dump can
 *                      be silent for a long time, so a timeout there needs the server's heartbeats)
 * @param sslMode whether and how to use TLS; null means {@link SslMode#DISABLED}
 * @param sslCa a PEM file of the CA certificates to trust, or null; only with {@link SslMode#VERIFY_CA} or
 *              {@link SslMode#VERIFY_IDENTITY}
 * @param sslTrustManager what decides whether the server's certificate chain is trusted, or null; instead of
 *                        {@code sslCa}, with the same modes. Neither given: the JDK's default trust store
 * @param serverPublicKey a PEM file with the server's RSA public key, or null: without TLS, caching_sha2_password
 *                        (when the server asks for full authentication) and sha256_password encrypt the password
 *                        with it (Connector/J's {@code serverRSAPublicKeyFile}, the server's
 *                        {@code public_key.pem})
 * @param allowPublicKeyRetrieval without TLS and without {@code serverPublicKey}, whether those plugins may ask the
 *                        server for its key (Connector/J's {@code allowPublicKeyRetrieval}); off by default, as a
 *                        man in the middle could hand out its own key
 */
public record ConnectionSettings(
        String host,
        int port,
        String user,
        String password,
        String database,
        Duration connectTimeout,
        Duration socketTimeout,
        SslMode sslMode,
        Path sslCa,
        X509TrustManager sslTrustManager,
        Path serverPublicKey,
        boolean allowPublicKeyRetrieval) {

    public static final int DEFAULT_PORT = 3306;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public ConnectionSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535, found " + port);
        }
        if (user == null) {
            throw new IllegalArgumentException("user must not be null");
        }
        password = password == null ? "" : password;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connect timeout must be positive, found " + connectTimeout);
        }
        if (socketTimeout != null && socketTimeout.isNegative()) {
            throw new IllegalArgumentException("socket timeout must not be negative, found " + socketTimeout);
        }
        sslMode = sslMode == null ? SslMode.DISABLED : sslMode;
        sslMode.checkTrust(sslCa, sslTrustManager);
    }

    /**
     * A builder with port 3306, no password, no database, a 10 s connect timeout, no socket timeout and no TLS.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code host:port}, with brackets around an IPv6 literal; what error messages name. */
    public String peer() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The same settings with another default database (null for none). */
    public ConnectionSettings withDatabase(String newDatabase) {
        return new ConnectionSettings(
                host,
                port,
                user,
                password,
                newDatabase,
                connectTimeout,
                socketTimeout,
                sslMode,
                sslCa,
                sslTrustManager,
                serverPublicKey,
                allowPublicKeyRetrieval);
    }

    /**
     * The same TLS, key and timeout settings for another server and account (no default database): a second
     * connection configured like this one.
     */
    public ConnectionSettings withLogin(String newHost, int newPort, String newUser, String newPassword) {
        return new ConnectionSettings(
                newHost,
                newPort,
                newUser,
                newPassword,
                null,
                connectTimeout,
                socketTimeout,
                sslMode,
                sslCa,
                sslTrustManager,
                serverPublicKey,
                allowPublicKeyRetrieval);
    }

    /** The same settings with another socket (read) timeout (null or zero for none). */
    public ConnectionSettings withSocketTimeout(Duration newSocketTimeout) {
        return new ConnectionSettings(
                host,
                port,
                user,
                password,
                database,
                connectTimeout,
                newSocketTimeout,
                sslMode,
                sslCa,
                sslTrustManager,
                serverPublicKey,
                allowPublicKeyRetrieval);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[host=" + host + ", port=" + port + ", user=" + user + ", password="
                + (password.isEmpty() ? "<none>" : "<hidden>") + ", database=" + database + ", connectTimeout="
                + connectTimeout + ", socketTimeout=" + socketTimeout + ", sslMode=" + sslMode + ", sslCa=" + sslCa
                + (sslTrustManager != null
                        ? ", sslTrustManager=" + sslTrustManager.getClass().getName()
                        : "")
                + (serverPublicKey != null ? ", serverPublicKey=" + serverPublicKey : "")
                + (allowPublicKeyRetrieval ? ", allowPublicKeyRetrieval=true" : "") + "]";
    }

    /** Builds {@link ConnectionSettings}. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private String user;
        private String password = "";
        private String database;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration socketTimeout;
        private SslMode sslMode = SslMode.DISABLED;
        private Path sslCa;
        private X509TrustManager sslTrustManager;
        private Path serverPublicKey;
        private boolean allowPublicKeyRetrieval;

        private Builder() {}

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder user(String value) {
            user = value;
            return this;
        }

        public Builder password(String value) {
            password = value;
            return this;
        }

        public Builder database(String value) {
            database = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder socketTimeout(Duration value) {
            socketTimeout = value;
            return this;
        }

        public Builder sslMode(SslMode value) {
            sslMode = value;
            return this;
        }

        public Builder sslCa(Path value) {
            sslCa = value;
            return this;
        }

        public Builder sslTrustManager(X509TrustManager value) {
            sslTrustManager = value;
            return this;
        }

        /** The server's RSA public key (PEM), for a password sent without TLS; see the record's parameters. */
        public Builder serverPublicKey(Path value) {
            serverPublicKey = value;
            return this;
        }

        /** Whether the server's RSA public key may be asked for when none is given; see the record's parameters. */
        public Builder allowPublicKeyRetrieval(boolean value) {
            allowPublicKeyRetrieval = value;
            return this;
        }

        public ConnectionSettings build() {
            return new ConnectionSettings(
                    host,
                    port,
                    user,
                    password,
                    database,
                    connectTimeout,
                    socketTimeout,
                    sslMode,
                    sslCa,
                    sslTrustManager,
                    serverPublicKey,
                    allowPublicKeyRetrieval);
        }
    }
}
