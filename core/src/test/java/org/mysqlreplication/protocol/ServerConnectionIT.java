package org.mysqlreplication.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.net.ConnectionException;
import org.mysqlreplication.testing.LocalMariaDb;

/** Login and queries against a real, throwaway MariaDB; expected values come from the {@code mariadb} client. */
class ServerConnectionIT {

    private static LocalMariaDb db;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder().serverOption("max_allowed_packet", "64M").start();
        db.execute(
                "INSTALL SONAME 'auth_ed25519'",
                "CREATE USER 'native_user'@'%' IDENTIFIED VIA mysql_native_password USING PASSWORD('n4tive-Secret')",
                "CREATE USER 'ed_user'@'%' IDENTIFIED VIA ed25519 USING PASSWORD('Ed-s3cret, long enough')",
                "CREATE DATABASE login_db",
                "GRANT ALL ON login_db.* TO 'native_user'@'%'");
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    private static ConnectionSettings settings(String user, String password) {
        return ConnectionSettings.builder()
                .host(db.host())
                .port(db.port())
                .user(user)
                .password(password)
                .connectTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void rootConnectsAndReportsWhatTheServerSays() {
        try (ServerConnection c = ServerConnection.open(settings(db.user(), db.password()))) {
            List<String> expected = db.query("SELECT @@version").get(0);
            assertThat(c.serverVersion()).isEqualTo(expected.get(0));
            assertThat(c.isMariaDb()).isTrue();
            assertThat(c.query("SELECT CONNECTION_ID()").firstValue()).isEqualTo(Long.toString(c.connectionId()));
        }
    }

    @Test
    void queryReturnsWhatTheCommandLineClientReturns() {
        String sql = "SELECT @@version, @@server_id, NULL, 'caf\u00e9 \u2603', -12.50, '' AS empty";
        try (ServerConnection c = ServerConnection.open(settings(db.user(), db.password()))) {
            QueryResult result = c.query(sql);
            assertThat(result.rows()).isEqualTo(db.query(sql));
            assertThat(result.rows().get(0).get(2)).isNull();
            assertThat(result.rows().get(0).get(1)).isEqualTo(Integer.toString(db.serverId()));
            assertThat(result.columnNames())
                    .containsExactly("@@version", "@@server_id", "NULL", "caf\u00e9 \u2603", "-12.50", "empty");
        }
    }

    @Test
    void queryOfManyRowsAndAnEmptyResult() {
        String sql = "SELECT seq, IF(seq % 3 = 0, NULL, seq * 2) FROM login_db.seq_1_to_2000";
        try (ServerConnection c = ServerConnection.open(settings(db.user(), db.password()))) {
            QueryResult result = c.query(sql);
            assertThat(result.rows()).hasSize(2000).isEqualTo(db.query(sql));
            assertThat(c.query("SELECT 1 FROM DUAL WHERE 1 = 0").rows()).isEmpty();
            assertThat(c.query("DO 1").columnNames()).isEmpty();
        }
    }

    @Test
    void queryResultRowOverSixteenMebibytesArrivesWhole() {
        int size = 17 * 1024 * 1024 + 3;
        try (ServerConnection c = ServerConnection.open(settings(db.user(), db.password()))) {
            String value = c.query("SELECT REPEAT('y', " + size + ")").firstValue();
            assertThat(value.length()).isEqualTo(size);
            assertThat(value.chars().allMatch(ch -> ch == 'y')).isTrue();
            assertThat(c.query("SELECT 42").firstValue()).isEqualTo("42"); // the stream is still in step
        }
    }

    @Test
    void executeRunsStatementsAndServerErrorsCarryCodeAndState() {
        try (ServerConnection c = ServerConnection.open(settings(db.user(), db.password()))) {
            c.execute("CREATE TABLE login_db.t (id INT PRIMARY KEY)");
            c.execute("INSERT INTO login_db.t VALUES (1), (2)");
            assertThat(db.query("SELECT COUNT(*) FROM login_db.t")).containsExactly(List.of("2"));
            assertThatThrownBy(() -> c.execute("INSERT INTO login_db.t VALUES (1)"))
                    .isInstanceOfSatisfying(ServerErrorException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(1062); // ER_DUP_ENTRY
                        assertThat(e.sqlState()).isEqualTo("23000");
                        assertThat(e.serverMessage()).contains("Duplicate entry");
                    });
            assertThatThrownBy(() -> c.query("SELECT * FROM login_db.missing"))
                    .isInstanceOfSatisfying(ServerErrorException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(1146); // ER_NO_SUCH_TABLE
                        assertThat(e.sqlState()).isEqualTo("42S02");
                    });
            assertThat(c.query("SELECT 'still usable'").firstValue()).isEqualTo("still usable");
        }
    }

    @Test
    void nativePasswordUserConnectsWithDatabase() {
        ConnectionSettings s = settings("native_user", "n4tive-Secret").withDatabase("login_db");
        try (ServerConnection c = ServerConnection.open(s)) {
            assertThat(c.query("SELECT CURRENT_USER(), DATABASE()").rows())
                    .containsExactly(List.of("native_user@%", "login_db"));
        }
    }

    @Test
    void ed25519UserConnectsThroughAnAuthSwitch() {
        try (ServerConnection c = ServerConnection.open(settings("ed_user", "Ed-s3cret, long enough"))) {
            assertThat(c.query("SELECT CURRENT_USER()").firstValue()).isEqualTo("ed_user@%");
        }
    }

    @Test
    void wrongPasswordsAreAuthenticationErrors() {
        for (String user : List.of("native_user", "ed_user", db.user())) {
            assertThatThrownBy(() -> ServerConnection.open(settings(user, "wrong password")))
                    .as(user)
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(1045);
                        assertThat(e.sqlState()).isEqualTo("28000");
                        assertThat(e.getMessage()).contains(user).doesNotContain("wrong password");
                    });
        }
    }

    @Test
    void unknownDatabaseIsAServerError() {
        ConnectionSettings s = settings(db.user(), db.password()).withDatabase("no_such_db");
        assertThatThrownBy(() -> ServerConnection.open(s))
                .isInstanceOfSatisfying(
                        ServerErrorException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(1049)); // ER_BAD_DB_ERROR
    }

    @Test
    void connectionRefusedIsAConnectionErrorNamingHostAndPort() {
        ConnectionSettings s = ConnectionSettings.builder()
                .host("127.0.0.1")
                .port(1)
                .user("u")
                .password("pw-xyz")
                .build();
        assertThatThrownBy(() -> ServerConnection.open(s))
                .isInstanceOf(ConnectionException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("pw-xyz");
    }

    @Test
    void passwordNeverInSettingsText() {
        assertThat(settings("native_user", "n4tive-Secret").toString())
                .doesNotContain("n4tive-Secret")
                .contains("native_user");
        assertThat(Arrays.toString(new Object[] {settings("a", "b")})).contains("<hidden>");
    }
}
