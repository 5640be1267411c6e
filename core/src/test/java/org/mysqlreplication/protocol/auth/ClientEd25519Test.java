package org.mysqlreplication.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mysqlreplication.net.ProtocolException;

/**
 * MariaDB's variant: the public keys for a password are the ones MariaDB's own test
 * ({@code mysql-test/suite/plugins/r/auth_ed25519.result}, {@code ed25519_password(...)}) shows, and the
 * signature of a nonce verifies under that key with the JDK's Ed25519.
 */
class ClientEd25519Test {

    /** X.509 SubjectPublicKeyInfo prefix for a raw Ed25519 key (OID 1.3.101.112). */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    @ParameterizedTest(name = "ed25519_password(''{0}'')")
    @CsvSource({
        "foo, vubFBzIrapbfHct1/J72dnUryz5VS7lA6XHH8sIx4TI",
        "foobar, qv2mG6HWCuy32Slb5xhV4THStewNz2VINVPbgk+XAJ8",
        "foo bar, Y5fV74JAVRMOK2cdnUsYS+WW9sXaaL/o+6WGKOgqnzc",
        "bar, pfzkeWMzkTefY1oshXS+/kATeN51M+4jxi3/cbyTd10",
        "secret, ZIgUREUg5PVgQ6LskhXmO+eZLS0nC8be6HPjYWR4YJY",
    })
    void publicKeyIsWhatTheServerStores(String password, String stored) throws Exception {
        byte[] publicKey = ClientEd25519.publicKey(password);
        assertThat(Base64.getEncoder().withoutPadding().encodeToString(publicKey))
                .isEqualTo(stored);

        byte[] nonce = new byte[32];
        new Random(password.hashCode()).nextBytes(nonce);
        byte[] response = new ClientEd25519().start(nonce, Contexts.of(password));
        assertThat(response).hasSize(64);
        assertThat(verify(publicKey, nonce, response)).isTrue();
        assertThat(verify(ClientEd25519.publicKey(password + "x"), nonce, response))
                .isFalse();
    }

    private static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) throws Exception {
        byte[] x509 = new byte[X509_PREFIX.length + 32];
        System.arraycopy(X509_PREFIX, 0, x509, 0, X509_PREFIX.length);
        System.arraycopy(rawPublicKey, 0, x509, X509_PREFIX.length, 32);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(key);
        jdk.update(message);
        return jdk.verify(signature);
    }

    @Test
    void shortNonceIsRejected() {
        assertThatThrownBy(() -> new ClientEd25519().start(new byte[20], Contexts.of("pw")))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("32");
    }

    @Test
    void pluginsAreFoundByTheServersNamesAndUnknownOnesNamed() {
        assertThat(AuthPlugin.forName("client_ed25519")).isInstanceOf(ClientEd25519.class);
        assertThat(AuthPlugin.forName("mysql_native_password")).isInstanceOf(MysqlNativePassword.class);
        assertThat(AuthPlugin.forName("caching_sha2_password")).isInstanceOf(CachingSha2Password.class);
        assertThat(AuthPlugin.forName("sha256_password")).isInstanceOf(Sha256Password.class);
        assertThatThrownBy(() -> AuthPlugin.forName("auth_gssapi_client"))
                .isInstanceOfSatisfying(
                        UnsupportedAuthPluginException.class,
                        e -> assertThat(e.pluginName()).isEqualTo("auth_gssapi_client"))
                .hasMessageContaining("'auth_gssapi_client'")
                .hasMessageContaining("caching_sha2_password");
    }
}
