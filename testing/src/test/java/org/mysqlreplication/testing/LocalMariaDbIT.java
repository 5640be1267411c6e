package org.mysqlreplication.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalMariaDbIT {

    @Test
    void twoServersRunSideBySideWithTheirOwnOptionsAndAreRemovedOnClose() throws Exception {
        Path dataDir;
        int port;
        try (LocalMariaDb crc = LocalMariaDb.builder().serverId(11).start();
                LocalMariaDb none = LocalMariaDb.builder()
                        .serverId(12)
                        .binlogChecksum("NONE")
                        .binlogRowImage("MINIMAL")
                        .binlogRowMetadata("FULL")
                        .serverOption("max_allowed_packet", "64M")
                        .start()) {
            assertThat(crc.port()).isNotEqualTo(none.port()).isNotEqualTo(3306);
            assertThat(crc.query("SELECT @@log_bin, @@binlog_format, @@binlog_checksum, @@server_id, @@port,"
                            + " @@time_zone"))
                    .containsExactly(List.of("1", "ROW", "CRC32", "11", String.valueOf(crc.port()), "+00:00"));
            assertThat(none.query("SELECT @@binlog_checksum, @@binlog_row_image, @@binlog_row_metadata,"
                            + " @@max_allowed_packet, @@server_id"))
                    .containsExactly(List.of("NONE", "MINIMAL", "FULL", "67108864", "12"));
            dataDir = crc.dataDir();
            port = crc.port();
            assertThat(Files.exists(crc.binlogDir().resolve("mysql-bin.000001")))
                    .isTrue();
        }
        assertThat(Files.exists(dataDir)).isFalse();
        assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    }
                })
                .isInstanceOf(IOException.class);
    }

    @Test
    void executeAndQueryAgreeWithJdbcOverTcp() throws Exception {
        try (LocalMariaDb db = LocalMariaDb.builder().start()) {
            db.execute(
                    "CREATE DATABASE t",
                    "CREATE TABLE t.a (id INT PRIMARY KEY, s VARCHAR(20))",
                    "INSERT INTO t.a VALUES (1, 'NULL'), (2, NULL), (3, 'tab\there ü')");
            assertThat(db.query("SELECT id, s FROM t.a ORDER BY id"))
                    .containsExactly(List.of("1", "NULL"), Arrays.asList("2", null), List.of("3", "tab\there ü"));
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT s FROM t.a WHERE id = 3")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("tab\there ü");
            }
        }
    }

    @Test
    void sqlErrorsAreReportedWithTheServersMessage() {
        try (LocalMariaDb db = LocalMariaDb.builder().start()) {
            assertThatThrownBy(() -> db.execute("SELECT * FROM no_such_db.t"))
                    .isInstanceOf(LocalMariaDbException.class)
                    .hasMessageContaining("ERROR 1146 (42S02)")
                    .hasMessageContaining("Table 'no_such_db.t' doesn't exist");
        }
    }

    /** Concurrent installs used to collide on temporary tables in the shared /tmp (seen under parallel builds). */
    @Test
    void fourServersCanBeInstalledAndStartedAtTheSameTime() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int serverId = 21 + i;
                ids.add(pool.submit(() -> {
                    try (LocalMariaDb db =
                            LocalMariaDb.builder().serverId(serverId).start()) {
                        return db.query("SELECT @@server_id").get(0).get(0);
                    }
                }));
            }
            List<String> got = new ArrayList<>();
            for (Future<String> f : ids) {
                got.add(f.get(3, TimeUnit.MINUTES));
            }
            assertThat(got).containsExactly("21", "22", "23", "24");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStoppedOrKilledServerStartsAgainOnTheSamePortWithItsData() {
        try (LocalMariaDb db = LocalMariaDb.builder().start()) {
            db.execute(
                    "CREATE DATABASE r",
                    "CREATE TABLE r.t (id INT PRIMARY KEY) ENGINE=InnoDB",
                    "INSERT INTO r.t VALUES (1)");
            int port = db.port();
            db.stop();
            assertThat(db.isRunning()).isFalse();
            db.startAgain();
            assertThat(db.port()).isEqualTo(port);
            assertThat(db.query("SELECT @@port")).containsExactly(List.of(String.valueOf(port)));
            db.execute("INSERT INTO r.t VALUES (2)");
            db.kill();
            assertThat(db.isRunning()).isFalse();
            db.startAgain();
            assertThat(db.query("SELECT id FROM r.t ORDER BY id")).containsExactly(List.of("1"), List.of("2"));
        }
    }

    @Test
    void aReplicaAppliesThePrimarysTransactionsWithTheirGtidsInItsOwnBinlog() {
        try (LocalMariaDb primary = LocalMariaDb.builder().start();
                LocalMariaDb replica =
                        LocalMariaDb.builder().serverId(2).replicaOf(primary).start()) {
            primary.execute(
                    "CREATE DATABASE rp", "CREATE TABLE rp.t (id INT PRIMARY KEY)", "INSERT INTO rp.t VALUES (1), (2)");
            String pos = primary.query("SELECT @@gtid_binlog_pos").get(0).get(0);
            replica.awaitReplicated(pos, java.time.Duration.ofSeconds(30));
            assertThat(replica.query("SELECT id FROM rp.t ORDER BY id")).containsExactly(List.of("1"), List.of("2"));
            assertThat(replica.query("SELECT @@gtid_binlog_pos"))
                    .as("log_slave_updates")
                    .containsExactly(List.of(pos));
            assertThat(replica.query("SELECT @@server_id")).containsExactly(List.of("2"));
        }
    }
}
