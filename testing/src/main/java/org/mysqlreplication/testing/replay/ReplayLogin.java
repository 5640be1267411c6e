package org.mysqlreplication.testing.replay;

/**
 * One login a {@link MysqlReplayServer} saw, for tests to check which way a client authenticated: the user name,
 * the server-side plugin that decided, the path it took and whether it let the client in. Holds no password.
 *
 * <p>Immutable and thread-safe.
 */
public record ReplayLogin(String user, ReplayAuthPlugin plugin, Path path, boolean accepted) {

    /** How the password (or its proof) came. */
    public enum Path {
        /** mysql_native_password's SHA-1 scramble. */
        NATIVE_SCRAMBLE,
        /** No password sent ({@code 0x00} or nothing). */
        NO_PASSWORD,
        /** caching_sha2_password's fast path: the account was cached and the SHA-256 scramble matched. */
        FAST,
        /** Full authentication: the password in clear over TLS. */
        TLS,
        /** Full authentication: the password RSA-encrypted with a key the client already had. */
        RSA,
        /** Full authentication: the client asked for the public key, then sent the RSA-encrypted password. */
        RSA_KEY_REQUESTED,
        /** No such account. */
        UNKNOWN_USER
    }
}
