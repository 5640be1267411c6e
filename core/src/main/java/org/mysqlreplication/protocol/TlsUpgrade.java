package org.mysqlreplication.protocol;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.mysqlreplication.net.ConnectionException;

/**
 * Wraps a connected socket in TLS as the {@link SslMode} of the settings asks, after the {@code SSLRequest}:
 * the certificate chain is checked against the settings' CA for {@link SslMode#VERIFY_CA} and up, the host name
 * too for {@link SslMode#VERIFY_IDENTITY} (the JDK's {@code HTTPS} endpoint identification: DNS or IP subject
 * alt names), and not at all for {@link SslMode#PREFERRED} and {@link SslMode#REQUIRED}.
 *
 * <p>Stateless; each call builds its own TLS context.
 */
final class TlsUpgrade {

    private TlsUpgrade() {}

    /** Whether to switch to TLS with a server whose handshake is {@code handshake}; fails if it must and cannot. */
    static boolean wanted(ConnectionSettings settings, HandshakeV10 handshake) {
        if (settings.sslMode() == SslMode.DISABLED) {
            return false;
        }
        if (handshake.hasCapability(CapabilityFlags.CLIENT_SSL)) {
            return true;
        }
        if (settings.sslMode() == SslMode.PREFERRED) {
            return false;
        }
        throw new TlsException(
                TlsException.Reason.SERVER_WITHOUT_TLS,
                "ssl mode " + settings.sslMode() + ": server "
                        + handshake.rawServerVersion() + " at " + settings.peer()
                        + " does not offer TLS (no CLIENT_SSL in"
                        + " its handshake; a MariaDB or MySQL server needs ssl_cert and ssl_key)",
                null);
    }

    /** Runs the TLS handshake over {@code socket} and returns the TLS socket, which closes {@code socket}. */
    static SSLSocket handshake(Socket socket, ConnectionSettings settings) {
        RecordingTrustManager trust =
                new RecordingTrustManager(settings.sslMode().verifiesCertificate() ? TrustSources.of(settings) : null);
        SSLSocket ssl;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, settings.host(), settings.port(), true);
        } catch (GeneralSecurityException e) {
            throw new TlsException(
                    TlsException.Reason.HANDSHAKE_FAILED, "TLS to " + settings.peer() + ": no TLS context: " + e, e);
        } catch (IOException e) {
            throw new ConnectionException("TLS to " + settings.peer() + " failed: " + e, e);
        }
        SSLParameters params = ssl.getSSLParameters();
        if (settings.sslMode() == SslMode.VERIFY_IDENTITY) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        ssl.setSSLParameters(params);
        try {
            ssl.startHandshake();
            return ssl;
        } catch (SSLException e) {
            throw failure(settings, trust, e);
        } catch (IOException e) {
            throw new ConnectionException("TLS handshake with " + settings.peer() + " failed: " + e, e);
        }
    }

    private static TlsException failure(ConnectionSettings settings, RecordingTrustManager trust, SSLException e) {
        String where = "ssl mode " + settings.sslMode() + ": TLS handshake with " + settings.peer() + " failed: ";
        if (trust.rejection != null) {
            return new TlsException(
                    TlsException.Reason.CERTIFICATE_NOT_TRUSTED,
                    where + "the server's certificate " + trust.subject + " is not trusted: "
                            + trust.rejection.getMessage(),
                    e);
        }
        if (trust.subject != null && settings.sslMode() == SslMode.VERIFY_IDENTITY && hasCertificateCause(e)) {
            return new TlsException(
                    TlsException.Reason.HOST_NAME_MISMATCH,
                    where + "the server's certificate " + trust.subject + " does not name host " + settings.host()
                            + ": " + e.getMessage(),
                    e);
        }
        return new TlsException(TlsException.Reason.HANDSHAKE_FAILED, where + e, e);
    }

    private static boolean hasCertificateCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks the chain with the delegate (or accepts any chain without one) and remembers what it saw, so that a
     * failed handshake can say whether the chain or the host name was refused. A plain {@link X509TrustManager}
     * (not an extended one) on purpose: the JDK then checks the host name itself after this chain check, when the
     * socket's endpoint identification is set.
     */
    private static final class RecordingTrustManager implements X509TrustManager {
        private final X509TrustManager delegate;
        private volatile String subject;
        private volatile CertificateException rejection;

        RecordingTrustManager(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            subject = chain.length == 0
                    ? "(none)"
                    : "'" + chain[0].getSubjectX500Principal().getName() + "'";
            if (delegate == null) {
                return;
            }
            try {
                delegate.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                rejection = e;
                throw e;
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a replication client does not accept client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate == null ? new X509Certificate[0] : delegate.getAcceptedIssuers();
        }
    }
}
