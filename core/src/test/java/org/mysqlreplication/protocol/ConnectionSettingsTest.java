package org.mysqlreplication.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    @Test
    void builderDefaultsAndPeer() {
        ConnectionSettings s =
                ConnectionSettings.builder().host("db.example").user("repl").build();
        assertThat(s.port()).isEqualTo(3306);
        assertThat(s.password()).isEmpty();
        assertThat(s.database()).isNull();
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.socketTimeout()).isNull();
        assertThat(s.peer()).isEqualTo("db.example:3306");
        assertThat(ConnectionSettings.builder()
                        .host("::1")
                        .port(3307)
                        .user("u")
                        .build()
                        .peer())
                .isEqualTo("[::1]:3307");
    }

    @Test
    void toStringNeverShowsThePassword() {
        ConnectionSettings s = ConnectionSettings.builder()
                .host("h")
                .user("repl")
                .password("s3cr3t-pw")
                .database("d")
                .build();
        assertThat(s.toString()).doesNotContain("s3cr3t-pw").contains("repl", "<hidden>", "d");
        assertThat(s.withDatabase(null).toString()).doesNotContain("s3cr3t-pw");
        assertThat(s.withDatabase(null).password()).isEqualTo("s3cr3t-pw");
    }

    @Test
    void rejectsInvalidValues() {
        assertThatThrownBy(
                        () -> ConnectionSettings.builder().host(" ").user("u").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host");
        assertThatThrownBy(() -> ConnectionSettings.builder().port(0).user("u").build())
                .hasMessageContaining("port must be 1 to 65535, found 0");
        assertThatThrownBy(() -> ConnectionSettings.builder().build()).hasMessageContaining("user");
        assertThatThrownBy(() -> ConnectionSettings.builder()
                        .user("u")
                        .connectTimeout(Duration.ZERO)
                        .build())
                .hasMessageContaining("connect timeout");
        assertThatThrownBy(() -> ConnectionSettings.builder()
                        .user("u")
                        .socketTimeout(Duration.ofSeconds(-1))
                        .build())
                .hasMessageContaining("socket timeout");
    }

    @Test
    void tlsIsOffByDefaultAndACaGoesWithTheVerifyingModesOnly() {
        assertThat(ConnectionSettings.builder().user("u").build().sslMode()).isEqualTo(SslMode.DISABLED);
        assertThat(ConnectionSettings.builder().user("u").sslMode(null).build().sslMode())
                .isEqualTo(SslMode.DISABLED);
        Path ca = Path.of("ca.pem");
        ConnectionSettings verifying = ConnectionSettings.builder()
                .user("u")
                .sslMode(SslMode.VERIFY_CA)
                .sslCa(ca)
                .build();
        assertThat(verifying.sslCa()).isEqualTo(ca);
        assertThat(verifying.withDatabase("d").sslMode()).isEqualTo(SslMode.VERIFY_CA);
        assertThat(verifying.withDatabase("d").sslCa()).isEqualTo(ca);
        assertThat(verifying.toString()).contains("sslMode=VERIFY_CA", "sslCa=ca.pem");
        assertThatThrownBy(() -> ConnectionSettings.builder()
                        .user("u")
                        .sslMode(SslMode.REQUIRED)
                        .sslCa(ca)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not by REQUIRED");
        assertThatThrownBy(() -> ConnectionSettings.builder()
                        .user("u")
                        .sslMode(SslMode.VERIFY_IDENTITY)
                        .sslCa(ca)
                        .sslTrustManager(new NoTrust())
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not both");
    }

    /** A trust manager that trusts nothing; only its presence matters here. */
    private static final class NoTrust implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("no");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("no");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
