package org.mysqlreplication.protocol;

import org.mysqlreplication.BinlogException;

/**
 * TLS could not be set up as the {@link SslMode} asks: the server does not offer it, its certificate is not
 * trusted or does not name the host, the CA file cannot be used, or the TLS handshake failed. {@link #reason()}
 * tells which. Retrying with the same settings will not help, so this is not a
 * {@link org.mysqlreplication.net.ConnectionException}. Messages name the peer and never contain a password.
 *
 * <p>Immutable and thread-safe.
 */
public class TlsException extends BinlogException {

    /** What failed. */
    public enum Reason {
        /** The server's handshake lacks {@code CLIENT_SSL} and the mode requires TLS. */
        SERVER_WITHOUT_TLS,
        /** The server's certificate chain does not lead to a trusted CA. */
        CERTIFICATE_NOT_TRUSTED,
        /** The certificate is trusted but names another host ({@link SslMode#VERIFY_IDENTITY}). */
        HOST_NAME_MISMATCH,
        /** The CA file could not be read or holds no certificate. */
        CA_FILE_UNUSABLE,
        /** Any other failure of the TLS handshake (no common protocol or cipher, connection closed). */
        HANDSHAKE_FAILED
    }

    private final Reason reason;

    public TlsException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
