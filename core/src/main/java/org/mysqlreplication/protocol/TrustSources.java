package org.mysqlreplication.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The trust manager that checks a server's certificate chain under {@link SslMode#VERIFY_CA} and
 * {@link SslMode#VERIFY_IDENTITY}: the settings' own, one over the CA certificates of the settings' PEM file, or
 * the JDK's default trust store.
 *
 * <p>Stateless.
 */
final class TrustSources {

    private TrustSources() {}

    static X509TrustManager of(ConnectionSettings settings) {
        if (settings.sslTrustManager() != null) {
            return settings.sslTrustManager();
        }
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(settings.sslCa() == null ? null : caStore(settings.sslCa()));
            for (TrustManager m : factory.getTrustManagers()) {
                if (m instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new TlsException(TlsException.Reason.HANDSHAKE_FAILED, "the JDK offers no X.509 trust manager", null);
        } catch (GeneralSecurityException e) {
            throw new TlsException(
                    TlsException.Reason.HANDSHAKE_FAILED,
                    "no trust manager for "
                            + (settings.sslCa() == null ? "the JDK's trust store" : "CA file " + settings.sslCa())
                            + ": " + e,
                    e);
        }
    }

    /** A key store holding the certificates of a PEM (or DER) file as trusted entries. */
    static KeyStore caStore(Path caFile) {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(caFile)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsException(
                    TlsException.Reason.CA_FILE_UNUSABLE,
                    "CA file " + caFile + " cannot be read as" + " PEM certificates: " + e,
                    e);
        }
        if (certs.isEmpty()) {
            throw new TlsException(
                    TlsException.Reason.CA_FILE_UNUSABLE, "CA file " + caFile + " holds no certificate", null);
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsException(
                    TlsException.Reason.CA_FILE_UNUSABLE,
                    "CA file " + caFile + ": its certificates cannot be put in a key store: " + e,
                    e);
        }
    }
}
