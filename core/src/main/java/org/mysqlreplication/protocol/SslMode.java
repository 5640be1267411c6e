package org.mysqlreplication.protocol;

import java.nio.file.Path;
import javax.net.ssl.X509TrustManager;

/**
 * Whether and how a connection uses TLS, with the names and meanings of MySQL Connector/J's {@code sslMode} (and
 * the {@code mysql} client's {@code --ssl-mode}).
 *
 * <p>The default of this library is {@link #DISABLED}, as in python-mysql-replication (pymysql uses TLS only when
 * given ssl options) and mysql-binlog-connector-java ({@code SSLMode.DISABLED}): {@link #PREFERRED} encrypts
 * without checking whom it talks to, which protects against a passive listener only, so it should be a choice
 * rather than a silent default (Connector/J 8 defaults to it; MariaDB Connector/J, like us, does not).
 *
 * <p>Thread-safe (an enum).
 */
public enum SslMode {

    /** Plain text, even when the server offers TLS. */
    DISABLED,

    /** TLS when the server offers it ({@code CLIENT_SSL}), else plain text; no certificate check. */
    PREFERRED,

    /** TLS or fail with {@link TlsException}; the server's certificate is not checked. */
    REQUIRED,

    /**
     * TLS with the server's certificate chain checked against the given CA file or trust manager (the JDK's
     * default trust store when neither is given); the host name is not checked.
     */
    VERIFY_CA,

    /** {@link #VERIFY_CA}, and the certificate must name the host connected to (a DNS or IP subject alt name). */
    VERIFY_IDENTITY;

    /** Whether the server's certificate chain is checked. */
    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_IDENTITY;
    }

    /**
     * Checks the trust settings that go with this mode: a CA file or a trust manager (not both), and only for a
     * mode that {@link #verifiesCertificate() verifies the certificate}; either may be null.
     *
     * @throws IllegalArgumentException if they do not fit the mode
     */
    public void checkTrust(Path caFile, X509TrustManager trustManager) {
        if (caFile != null && trustManager != null) {
            throw new IllegalArgumentException("give a CA file or a trust manager, not both");
        }
        if ((caFile != null || trustManager != null) && !verifiesCertificate()) {
            throw new IllegalArgumentException("a CA file or trust manager is used by ssl mode VERIFY_CA or"
                    + " VERIFY_IDENTITY only, not by " + this);
        }
    }
}
