package org.mysqlreplication.protocol.auth;

import java.nio.file.Path;

/**
 * What an {@link AuthPlugin} may use in one login besides the server's packets: the password, whether the
 * connection already runs over TLS (a plugin may then send the password in clear), how to get the server's RSA
 * public key otherwise, the server's version (some servers differ in the padding they expect), and the text that
 * error messages start with. {@code toString()} never shows the password.
 *
 * <p>Immutable and thread-safe.
 *
 * @param password                the password, never null ({@code null} is taken as empty)
 * @param secureTransport         whether the connection runs over TLS
 * @param serverPublicKey         a PEM file with the server's RSA public key ({@code BEGIN PUBLIC KEY}), or null
 * @param allowPublicKeyRetrieval whether the plugin may ask the server for its public key when none is given
 *                                (a man in the middle could hand out its own key, so this is off by default)
 * @param serverVersion           the server's version as {@code SELECT @@version} shows it, e.g. {@code 8.4.3}
 * @param where                   what the login is, for messages: {@code login to host:port as 'user'}
 */
public record AuthContext(
        String password,
        boolean secureTransport,
        Path serverPublicKey,
        boolean allowPublicKeyRetrieval,
        String serverVersion,
        String where) {

    public AuthContext {
        password = password == null ? "" : password;
        serverVersion = serverVersion == null ? "" : serverVersion;
        where = where == null ? "login" : where;
    }

    /**
     * Whether the server's version is at least {@code major.minor.patch}; a version that does not start with
     * three numbers counts as new.
     */
    public boolean serverAtLeast(int major, int minor, int patch) {
        String[] parts = serverVersion.split("[^0-9]", 4);
        try {
            int[] v = {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
            int[] min = {major, minor, patch};
            for (int i = 0; i < 3; i++) {
                if (v[i] != min[i]) {
                    return v[i] > min[i];
                }
            }
            return true;
        } catch (RuntimeException e) {
            return true;
        }
    }

    @Override
    public String toString() {
        return "AuthContext[password=" + (password.isEmpty() ? "<none>" : "<hidden>") + ", secureTransport="
                + secureTransport + ", serverPublicKey=" + serverPublicKey + ", allowPublicKeyRetrieval="
                + allowPublicKeyRetrieval + ", serverVersion=" + serverVersion + ", where=" + where + "]";
    }
}
