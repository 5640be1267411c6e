package org.mysqlreplication.testing.replay;

/**
 * The server-side authentication plugins of {@link MysqlReplayServer}, by the names MySQL gives them in
 * {@code mysql.user.plugin} and in the handshake.
 *
 * <p>Thread-safe (an enum).
 */
public enum ReplayAuthPlugin {

    /** SHA-1 challenge-response; disabled by default in MySQL 8.4, removed in 9.0. */
    MYSQL_NATIVE_PASSWORD("mysql_native_password"),

    /**
     * The default since MySQL 8.0: a SHA-256 scramble checked against the server's cache of accounts that once
     * authenticated fully; otherwise full authentication, with the password over TLS or RSA-encrypted.
     */
    CACHING_SHA2_PASSWORD("caching_sha2_password"),

    /** The password over TLS or RSA-encrypted, every time; deprecated since 8.0.16. */
    SHA256_PASSWORD("sha256_password");

    private final String pluginName;

    ReplayAuthPlugin(String pluginName) {
        this.pluginName = pluginName;
    }

    /** The name on the wire, e.g. {@code caching_sha2_password}. */
    public String pluginName() {
        return pluginName;
    }
}
