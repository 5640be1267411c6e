package org.mysqlreplication.protocol.auth;

/** Auth contexts for plugin tests. */
public final class Contexts {

    private Contexts() {}

    /** {@code password} over a plain connection to an 8.4 server, no key, no retrieval. */
    public static AuthContext of(String password) {
        return new AuthContext(password, false, null, false, "8.4.3", "login to h:1 as 'u'");
    }
}
