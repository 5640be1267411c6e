package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.protocol.AuthenticationException;
import org.mysqlreplication.protocol.ConnectionSettings;
import org.mysqlreplication.protocol.ServerConnection;
import org.mysqlreplication.protocol.SslMode;
import org.mysqlreplication.protocol.TlsException;
import org.mysqlreplication.testing.LocalMariaDb;
import org.mysqlreplication.testing.PythonReadmeSession;
import org.mysqlreplication.testing.TestCertificates;

/**
 * TLS against two throwaway servers: one with TLS that refuses plain TCP ({@code require_secure_transport}), so
 * a session it accepts over TCP is encrypted, and one without TLS. The server says whether a session is
 * encrypted ({@code Ssl_cipher}, {@code Ssl_version}); the row values are the ones the README session wrote.
 */
class TlsIT {

    private static LocalMariaDb tlsDb;
    private static LocalMariaDb plainDb;

    @BeforeAll
    static void start() {
        tlsDb = LocalMariaDb.builder()
                .tls()
                .serverOption("require-secure-transport", "ON")
                .start();
        PythonReadmeSession.runOn(tlsDb);
        tlsDb.execute(
                "INSTALL SONAME 'auth_ed25519'",
                "CREATE USER 'native_repl'@'%' IDENTIFIED VIA mysql_native_password USING PASSWORD('n4tive!pw')",
                "CREATE USER 'ed_repl'@'%' IDENTIFIED VIA ed25519 USING PASSWORD('Ed-25519 pässwörd')",
                "GRANT REPLICATION SLAVE, REPLICATION CLIENT, SELECT ON *.* TO 'native_repl'@'%', 'ed_repl'@'%'");
        assertThat(tlsDb.query("SELECT @@have_ssl, @@require_secure_transport")).containsExactly(List.of("YES", "1"));
        plainDb = LocalMariaDb.builder().start();
        PythonReadmeSession.runOn(plainDb);
        assertThat(plainDb.query("SELECT @@have_ssl")).containsExactly(List.of("DISABLED"));
    }

    @AfterAll
    static void stop() {
        if (tlsDb != null) {
            tlsDb.close();
        }
        if (plainDb != null) {
            plainDb.close();
        }
    }

    private static ConnectionSettings.Builder settings(LocalMariaDb db, SslMode mode) {
        return ConnectionSettings.builder()
                .host(db.host())
                .port(db.port())
                .user(db.user())
                .password(db.password())
                .sslMode(mode);
    }

    private static BinLogStreamReaderConfig.Builder reader(LocalMariaDb db, SslMode mode) {
        return ReadmeSessionIT.config(db).sslMode(mode).onlyEvents(WriteRowsEvent.class, UpdateRowsEvent.class);
    }

    /** The session's {@code Ssl_cipher} and {@code Ssl_version} as the server reports them on that connection. */
    private static List<String> sslStatus(ConnectionSettings settings) {
        try (ServerConnection c = ServerConnection.open(settings)) {
            Map<String, String> status = new TreeMap<>();
            for (List<String> row : c.query("SHOW SESSION STATUS LIKE 'Ssl_%'").rows()) {
                status.put(row.get(0), row.get(1));
            }
            return List.of(status.get("Ssl_cipher"), status.get("Ssl_version"));
        }
    }

    private static void assertReadmeRows(List<BinlogEvent> events) {
        assertThat(events).hasSize(2);
        assertThat(((WriteRowsEvent) events.get(0)).rows().get(0).asMap())
                .containsExactly(Map.entry("id", 1), Map.entry("data", "Hello"), Map.entry("data2", "World"));
        assertThat(((UpdateRowsEvent) events.get(1)).rows().get(0).after().asMap())
                .containsExactly(Map.entry("id", 1), Map.entry("data", "World"), Map.entry("data2", "Hello"));
    }

    @Test
    void requiredStreamsTheReadmeSessionFromAServerThatRefusesPlainText() {
        assertReadmeRows(readAll(reader(tlsDb, SslMode.REQUIRED).build()));

        List<String> status = sslStatus(settings(tlsDb, SslMode.REQUIRED).build());
        assertThat(status.get(0)).as("Ssl_cipher").isNotBlank();
        assertThat(status.get(1)).as("Ssl_version").startsWith("TLSv1.");
    }

    @Test
    void theSameServerRefusesTheReaderWithoutTls() {
        // MariaDB 10.11 answers a plain TCP login under require_secure_transport with access denied
        assertThatThrownBy(() -> readAll(reader(tlsDb, SslMode.DISABLED).build()))
                .isInstanceOfSatisfying(
                        AuthenticationException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(1045));
    }

    @Test
    void bothPasswordPluginsLogInOverTls() {
        for (String[] account :
                List.of(new String[] {"native_repl", "n4tive!pw"}, new String[] {"ed_repl", "Ed-25519 pässwörd"})) {
            List<BinlogEvent> events = readAll(reader(tlsDb, SslMode.REQUIRED)
                    .connection(tlsDb.host(), tlsDb.port(), account[0], account[1])
                    .build());
            assertReadmeRows(events);
        }
    }

    @Test
    void verifyCaAcceptsTheServersCaAndRefusesAnother(@TempDir Path tmp) {
        assertReadmeRows(readAll(
                reader(tlsDb, SslMode.VERIFY_CA).sslCa(tlsDb.caCertificate()).build()));
        assertThat(sslStatus(settings(tlsDb, SslMode.VERIFY_CA)
                                .sslCa(tlsDb.caCertificate())
                                .build())
                        .get(0))
                .isNotBlank();

        Path otherCa = TestCertificates.generate(tmp).caCertificate();
        assertThatThrownBy(() ->
                        readAll(reader(tlsDb, SslMode.VERIFY_CA).sslCa(otherCa).build()))
                .isInstanceOfSatisfying(
                        TlsException.class,
                        e -> assertThat(e.reason()).isEqualTo(TlsException.Reason.CERTIFICATE_NOT_TRUSTED))
                .hasMessageContaining("not trusted")
                .hasMessageContaining(tlsDb.host() + ":" + tlsDb.port());
    }

    @Test
    void verifyCaTakesATrustManager() throws Exception {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(tlsDb.caCertificate())) {
            store.setCertificateEntry(
                    "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        f.init(store);
        X509TrustManager tm = (X509TrustManager) f.getTrustManagers()[0];
        assertThat(sslStatus(settings(tlsDb, SslMode.VERIFY_CA)
                                .sslTrustManager(tm)
                                .build())
                        .get(0))
                .isNotBlank();
    }

    @Test
    void verifyIdentityChecksTheHostName() {
        // the certificate names IP 127.0.0.1 only; localhost resolves to 127.0.0.1 and reaches the same server
        assertThat(sslStatus(settings(tlsDb, SslMode.VERIFY_IDENTITY)
                                .sslCa(tlsDb.caCertificate())
                                .build())
                        .get(0))
                .isNotBlank();
        assertThatThrownBy(() -> readAll(reader(tlsDb, SslMode.VERIFY_IDENTITY)
                        .sslCa(tlsDb.caCertificate())
                        .host("localhost")
                        .build()))
                .isInstanceOfSatisfying(
                        TlsException.class,
                        e -> assertThat(e.reason()).isEqualTo(TlsException.Reason.HOST_NAME_MISMATCH))
                .hasMessageContaining("does not name host localhost");
        // the same name passes VERIFY_CA, which checks the chain only
        assertThat(sslStatus(settings(tlsDb, SslMode.VERIFY_CA)
                                .sslCa(tlsDb.caCertificate())
                                .host("localhost")
                                .build())
                        .get(0))
                .isNotBlank();
    }

    @Test
    void requiredFailsClearlyAgainstAServerWithoutTls() {
        assertThatThrownBy(() -> readAll(reader(plainDb, SslMode.REQUIRED).build()))
                .isInstanceOfSatisfying(
                        TlsException.class,
                        e -> assertThat(e.reason()).isEqualTo(TlsException.Reason.SERVER_WITHOUT_TLS))
                .hasMessageContaining("does not offer TLS")
                .hasMessageContaining(plainDb.host() + ":" + plainDb.port());
    }

    @Test
    void preferredFallsBackToPlainTextAndUsesTlsWhenOffered() {
        assertReadmeRows(readAll(reader(plainDb, SslMode.PREFERRED).build()));
        assertThat(sslStatus(settings(plainDb, SslMode.PREFERRED).build())).containsExactly("", "");
        assertThat(sslStatus(settings(tlsDb, SslMode.PREFERRED).build()).get(0)).isNotBlank();
    }
}
