package org.mysqlreplication.protocol;

/**
 * The login was refused: by the server (wrong user or password, 1045 ER_ACCESS_DENIED_ERROR; no access to the
 * requested database, 1044; an auth method the account cannot use, and similar errors during the connection
 * phase), or by the client itself when going on would need what the settings do not give, such as a
 * {@code caching_sha2_password} account without TLS and without the server's public key
 * ({@link #refusedByClient}, error code {@value #CR_AUTH_PLUGIN_ERR}). Retrying with the same settings will not
 * help. No message holds a password, a scramble or key material.
 *
 * <p>Immutable and thread-safe.
 */
public class AuthenticationException extends ServerErrorException {

    /** libmysqlclient's {@code CR_AUTH_PLUGIN_ERR}: the client's auth plugin could not go on. */
    public static final int CR_AUTH_PLUGIN_ERR = 2061;

    public AuthenticationException(String context, int errorCode, String sqlState, String serverMessage) {
        super(context, errorCode, sqlState, serverMessage);
    }

    private AuthenticationException(String context, String reason) {
        super(CR_AUTH_PLUGIN_ERR, "HY000", reason, context + ": " + reason);
    }

    /**
     * A login the client stops itself: error code {@link #CR_AUTH_PLUGIN_ERR}, SQLSTATE {@code HY000},
     * {@link #serverMessage()} the reason (no server sent it).
     */
    public static AuthenticationException refusedByClient(String context, String reason) {
        return new AuthenticationException(context, reason);
    }
}
