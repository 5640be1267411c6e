package org.mysqlreplication.testing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MySQL Connector/J 9.1 (a client this project did not write) logs in to the replay server with each plugin and path
 * and runs a query; the query's answer names the configured version and the account that logged in. The fast path
 * is proven by its absence of alternatives: after a full authentication over TLS, a plain connection without a key
 * and without key retrieval can only succeed by the cached fast path, and fails again once the cache is cleared.
 */
class ConnectorJLoginTest {

    private static MysqlReplayServer server;

    @BeforeAll
    static void start() {
        server = MysqlReplayServer.builder()
                .binlog(ReplayFixtures.file(ReplayFixtures.MYSQL_80_PAYLOAD))
                .serverVersion("8.4.3")
                .tls()
                .user("native", "n-pw", ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD)
                .user("sha2", "s2-pw", ReplayAuthPlugin.CACHING_SHA2_PASSWORD)
                .user("sha2rsa", "s2-rsa-pw", ReplayAuthPlugin.CACHING_SHA2_PASSWORD)
                .user("sha2file", "s2-file-pw", ReplayAuthPlugin.CACHING_SHA2_PASSWORD)
                .user("sha256", "s256-pw", ReplayAuthPlugin.SHA256_PASSWORD)
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String url(String options) {
        return "jdbc:mysql://" + MysqlReplayServer.HOST + ":" + server.port() + "/?connectTimeout=5000&" + options;
    }

    /** Logs in, runs {@code SELECT @@version, CURRENT_USER()} and returns its row. */
    private static List<String> login(String user, String password, String options) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(options), user, password);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT @@version, CURRENT_USER()")) {
            assertThat(rs.next()).isTrue();
            return List.of(rs.getString(1), rs.getString(2));
        }
    }

    /** The path of the last login the server saw, which must have let the client in. */
    private static ReplayLogin.Path lastPath() {
        List<ReplayLogin> logins = server.logins();
        ReplayLogin last = logins.get(logins.size() - 1);
        assertThat(last.accepted()).isTrue();
        return last.path();
    }

    @Test
    void mysqlNativePassword() throws SQLException {
        assertThat(login("native", "n-pw", "sslMode=DISABLED")).containsExactly("8.4.3", "native@%");
        assertThat(lastPath()).isEqualTo(ReplayLogin.Path.NATIVE_SCRAMBLE);
    }

    @Test
    void cachingSha2FullOverTlsThenFastWithoutTls() throws SQLException {
        server.clearAuthenticationCache();
        assertThatThrownBy(() -> login("sha2", "s2-pw", "sslMode=DISABLED"))
                .hasMessageContaining("Public Key Retrieval is not allowed");
        assertThat(login("sha2", "s2-pw", "sslMode=REQUIRED")).containsExactly("8.4.3", "sha2@%");
        assertThat(lastPath()).isEqualTo(ReplayLogin.Path.TLS);
        assertThat(login("sha2", "s2-pw", "sslMode=DISABLED")).containsExactly("8.4.3", "sha2@%");
        assertThat(lastPath()).isEqualTo(ReplayLogin.Path.FAST);
        server.clearAuthenticationCache();
        assertThatThrownBy(() -> login("sha2", "s2-pw", "sslMode=DISABLED"))
                .hasMessageContaining("Public Key Retrieval is not allowed");
    }

    @Test
    void cachingSha2FullWithRsaKeyRetrieval() throws SQLException {
        assertThat(login("sha2rsa", "s2-rsa-pw", "sslMode=DISABLED&allowPublicKeyRetrieval=true"))
                .containsExactly("8.4.3", "sha2rsa@%");
        assertThat(lastPath()).isEqualTo(ReplayLogin.Path.RSA_KEY_REQUESTED);
    }

    @Test
    void cachingSha2FullWithTheKeyFile() throws SQLException {
        assertThat(login("sha2file", "s2-file-pw", "sslMode=DISABLED&serverRSAPublicKeyFile=" + server.publicKeyFile()))
                .containsExactly("8.4.3", "sha2file@%");
        assertThat(lastPath()).isEqualTo(ReplayLogin.Path.RSA);
    }

    @Test
    void sha256PasswordOverTlsWithRetrievalAndWithTheKeyFile() throws SQLException {
        assertThat(login("sha256", "s256-pw", "sslMode=REQUIRED")).containsExactly("8.4.3", "sha256@%");
        assertThat(lastPath()).isEqualTo(ReplayLogin.Path.TLS);
        assertThat(login("sha256", "s256-pw", "sslMode=DISABLED&allowPublicKeyRetrieval=true"))
                .containsExactly("8.4.3", "sha256@%");
        assertThat(lastPath()).isEqualTo(ReplayLogin.Path.RSA_KEY_REQUESTED);
        assertThat(login("sha256", "s256-pw", "sslMode=DISABLED&serverRSAPublicKeyFile=" + server.publicKeyFile()))
                .containsExactly("8.4.3", "sha256@%");
        assertThat(lastPath()).isEqualTo(ReplayLogin.Path.RSA);
    }

    @Test
    void aWrongPasswordIsRefusedOnEveryPath() {
        for (String[] attempt : List.of(
                new String[] {"native", "sslMode=DISABLED"},
                new String[] {"sha2", "sslMode=REQUIRED"},
                new String[] {"sha2rsa", "sslMode=DISABLED&allowPublicKeyRetrieval=true"},
                new String[] {"sha256", "sslMode=REQUIRED"},
                new String[] {"sha256", "sslMode=DISABLED&allowPublicKeyRetrieval=true"},
                new String[] {"nobody", "sslMode=DISABLED"})) {
            assertThatThrownBy(() -> login(attempt[0], "wrong", attempt[1]))
                    .as(attempt[0] + " " + attempt[1])
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(1045))
                    .hasMessageContaining("Access denied for user '" + attempt[0] + "'");
        }
    }
}
