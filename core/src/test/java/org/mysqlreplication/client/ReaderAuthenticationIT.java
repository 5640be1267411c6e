package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.protocol.AuthenticationException;
import org.mysqlreplication.testing.LocalMariaDb;

/** Replication users of both password plugins stream; a wrong password is a typed authentication error. */
class ReaderAuthenticationIT {

    private static LocalMariaDb db;

    @BeforeAll
    static void start() {
        db = LocalMariaDb.builder().start();
        db.execute(
                "INSTALL SONAME 'auth_ed25519'",
                "CREATE USER 'native_repl'@'%' IDENTIFIED VIA mysql_native_password USING PASSWORD('n4tive!pw')",
                "CREATE USER 'ed_repl'@'%' IDENTIFIED VIA ed25519 USING PASSWORD('Ed-25519 pässwörd')",
                "GRANT REPLICATION SLAVE, REPLICATION CLIENT, SELECT ON *.* TO 'native_repl'@'%', 'ed_repl'@'%'",
                "CREATE DATABASE a",
                "CREATE TABLE a.t (id INT PRIMARY KEY)",
                "INSERT INTO a.t VALUES (5)");
        assertThat(db.query("SELECT user, plugin FROM mysql.user WHERE user LIKE '%repl' ORDER BY user"))
                .containsExactly(List.of("ed_repl", "ed25519"), List.of("native_repl", "mysql_native_password"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static BinLogStreamReaderConfig as(String user, String password) {
        return BinLogStreamReaderConfig.builder()
                .connection(db.host(), db.port(), user, password)
                .serverId(77)
                .onlyEvents(WriteRowsEvent.class)
                .build();
    }

    @Test
    void nativePasswordUserStreams() {
        List<BinlogEvent> events = readAll(as("native_repl", "n4tive!pw"));
        assertThat(((WriteRowsEvent) events.get(0)).rows().get(0).asMap()).containsExactly(Map.entry("id", 5));
    }

    @Test
    void ed25519UserStreams() {
        List<BinlogEvent> events = readAll(as("ed_repl", "Ed-25519 pässwörd"));
        assertThat(((WriteRowsEvent) events.get(0)).rows().get(0).asMap()).containsExactly(Map.entry("id", 5));
    }

    @Test
    void wrongPasswordIsAnAuthenticationErrorWithoutThePassword() {
        assertThatThrownBy(() -> readAll(as("ed_repl", "not-the-password")))
                .isInstanceOf(AuthenticationException.class)
                .satisfies(e -> {
                    AuthenticationException a = (AuthenticationException) e;
                    assertThat(a.errorCode()).isEqualTo(1045);
                    assertThat(a.sqlState()).isEqualTo("28000");
                })
                .message()
                .doesNotContain("not-the-password");
    }
}
