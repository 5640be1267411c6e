package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.protocol.AuthenticationException;
import org.mysqlreplication.protocol.ConnectionSettings;
import org.mysqlreplication.protocol.ServerConnection;
import org.mysqlreplication.protocol.SslMode;
import org.mysqlreplication.testing.replay.MysqlReplayServer;
import org.mysqlreplication.testing.replay.ReplayAuthPlugin;
import org.mysqlreplication.testing.replay.ReplayLogin;

/**
 * Our client logs in to the replay server (whose authentication Connector/J and the mariadb client accept, see the
 * testing module's tests) on every path, and the server's record of the login says which path it took: native;
 * caching_sha2_password full over TLS, then fast without TLS, full with the key file, with the fetched key;
 * sha256_password over TLS, with the key file, with the fetched key; an auth switch from the handshake's plugin;
 * PKCS#1 padding for a server before 8.0.5. Without TLS, key or retrieval the client stops itself; a wrong password
 * is the server's 1045.
 */
class ReplayServerLoginTest {

    static final Path FILE = Path.of(
            "..",
            "..",
            "shared",
            "fixtures",
            "binlogs",
            "apecloud-mysql-binlog-connector-rust",
            "tests",
            "parse_file_tests",
            "mysql-bin.000057");
    private static MysqlReplayServer server;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isRegularFile(FILE), "fixture " + FILE.toAbsolutePath() + " is absent");
        server = MysqlReplayServer.builder()
                .binlog(FILE)
                .tls()
                .user("native", "n-pw", ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD)
                .user("sha2", "s2-pw", ReplayAuthPlugin.CACHING_SHA2_PASSWORD)
                .user("sha2file", "s2-file-pw", ReplayAuthPlugin.CACHING_SHA2_PASSWORD)
                .user("sha2get", "s2-get-pw", ReplayAuthPlugin.CACHING_SHA2_PASSWORD)
                .user("sha256", "s256-pw", ReplayAuthPlugin.SHA256_PASSWORD)
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static ConnectionSettings.Builder settings(MysqlReplayServer s, String user, String password) {
        return ConnectionSettings.builder()
                .host(MysqlReplayServer.HOST)
                .port(s.port())
                .user(user)
                .password(password);
    }

    /** Logs in, checks CURRENT_USER() and returns the server's record of the login. */
    static ReplayLogin login(MysqlReplayServer s, ConnectionSettings settings) {
        try (ServerConnection c = ServerConnection.open(settings)) {
            assertThat(c.query("SELECT CURRENT_USER()").rows()).containsExactly(List.of(settings.user() + "@%"));
        }
        List<ReplayLogin> logins = s.logins();
        ReplayLogin last = logins.get(logins.size() - 1);
        assertThat(last.user()).isEqualTo(settings.user());
        assertThat(last.accepted()).isTrue();
        return last;
    }

    private static ReplayLogin.Path path(ConnectionSettings.Builder b) {
        return login(server, b.build()).path();
    }

    @Test
    void nativePasswordAfterASwitchFromTheHandshakesCachingSha2() {
        assertThat(login(server, settings(server, "native", "n-pw").build()))
                .isEqualTo(new ReplayLogin(
                        "native", ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD, ReplayLogin.Path.NATIVE_SCRAMBLE, true));
    }

    @Test
    void cachingSha2FullOverTlsThenFast() {
        server.clearAuthenticationCache();
        assertThat(path(settings(server, "sha2", "s2-pw").sslMode(SslMode.REQUIRED)))
                .isEqualTo(ReplayLogin.Path.TLS);
        assertThat(path(settings(server, "sha2", "s2-pw"))).isEqualTo(ReplayLogin.Path.FAST);
    }

    @Test
    void fullAuthenticationOverTlsWithTheServersIdentityChecked() {
        assertThat(path(settings(server, "sha256", "s256-pw")
                        .sslMode(SslMode.VERIFY_IDENTITY)
                        .sslCa(server.caCertificate())))
                .isEqualTo(ReplayLogin.Path.TLS);
    }

    @Test
    void cachingSha2FullWithTheKeyFileAndWithTheFetchedKey() {
        assertThat(path(settings(server, "sha2file", "s2-file-pw").serverPublicKey(server.publicKeyFile())))
                .isEqualTo(ReplayLogin.Path.RSA);
        server.clearAuthenticationCache();
        assertThat(path(settings(server, "sha2get", "s2-get-pw").allowPublicKeyRetrieval(true)))
                .isEqualTo(ReplayLogin.Path.RSA_KEY_REQUESTED);
    }

    @Test
    void sha256PasswordOnEachPath() {
        assertThat(path(settings(server, "sha256", "s256-pw").sslMode(SslMode.REQUIRED)))
                .isEqualTo(ReplayLogin.Path.TLS);
        assertThat(path(settings(server, "sha256", "s256-pw").serverPublicKey(server.publicKeyFile())))
                .isEqualTo(ReplayLogin.Path.RSA);
        assertThat(path(settings(server, "sha256", "s256-pw").allowPublicKeyRetrieval(true)))
                .isEqualTo(ReplayLogin.Path.RSA_KEY_REQUESTED);
    }

    @Test
    void withoutTlsKeyOrRetrievalTheClientStopsNamingTheOptions() {
        server.clearAuthenticationCache();
        for (String[] account : List.of(new String[] {"sha2", "s2-pw"}, new String[] {"sha256", "s256-pw"})) {
            assertThatThrownBy(() -> ServerConnection.open(
                            settings(server, account[0], account[1]).build()))
                    .isInstanceOfSatisfying(
                            AuthenticationException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(AuthenticationException.CR_AUTH_PLUGIN_ERR))
                    .hasMessageContaining("sslMode")
                    .hasMessageContaining("serverPublicKey")
                    .hasMessageContaining("allowPublicKeyRetrieval")
                    .hasMessageNotContaining(account[1]);
        }
    }

    @Test
    void aWrongPasswordIsTheServersAccessDeniedOnEveryPath() {
        for (ConnectionSettings s : List.of(
                settings(server, "native", "bad").build(),
                settings(server, "sha2", "bad").sslMode(SslMode.REQUIRED).build(),
                settings(server, "sha2get", "bad").allowPublicKeyRetrieval(true).build(),
                settings(server, "sha256", "bad")
                        .serverPublicKey(server.publicKeyFile())
                        .build())) {
            assertThatThrownBy(() -> ServerConnection.open(s))
                    .as(s.toString())
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(1045);
                        assertThat(e.sqlState()).isEqualTo("28000");
                    })
                    .hasMessageNotContaining("bad'");
        }
    }

    /** A server before 8.0.5 decrypts caching_sha2_password's RSA with PKCS#1 v1.5; the client pads to match. */
    @Test
    void aServerBefore805GetsPkcs1AndAHandshakeNamingNativeSwitchesIntoCachingSha2() {
        try (MysqlReplayServer old = MysqlReplayServer.builder()
                .binlog(FILE)
                .serverVersion("8.0.4")
                .defaultAuthPlugin(ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD)
                .user("sha2", "old-pw", ReplayAuthPlugin.CACHING_SHA2_PASSWORD)
                .start()) {
            assertThat(login(
                                    old,
                                    settings(old, "sha2", "old-pw")
                                            .serverPublicKey(old.publicKeyFile())
                                            .build())
                            .path())
                    .isEqualTo(ReplayLogin.Path.RSA);
        }
    }
}
