package org.mysqlreplication.testing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The queries replication clients send, asked through Connector/J: the binlog status statement of each version
 * (SHOW MASTER STATUS is gone in 8.4, SHOW BINARY LOG STATUS came in 8.2: MySQL's 8.4 release notes), the checksum
 * and the binary log list, with file sizes as on disk.
 */
class ReplayQueriesTest {

    private static MysqlReplayServer server(String version) {
        return MysqlReplayServer.builder()
                .binlog(ReplayFixtures.file(ReplayFixtures.MYSQL_80_PAYLOAD))
                .serverVersion(version)
                .user("repl", "pw", ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD)
                .start();
    }

    private static List<List<String>> query(MysqlReplayServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:mysql://127.0.0.1:" + server.port() + "/?sslMode=DISABLED", "repl", "pw");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Test
    void version84HasOnlyShowBinaryLogStatus() throws Exception {
        long size = Files.size(ReplayFixtures.file(ReplayFixtures.MYSQL_80_PAYLOAD));
        try (MysqlReplayServer server = server("8.4.3")) {
            assertThat(query(server, "SHOW BINARY LOG STATUS"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.subList(0, 2)).containsExactly("mysql-bin.000057", "" + size));
            assertThatThrownBy(() -> query(server, "SHOW MASTER STATUS"))
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(1064));
            assertThat(query(server, "SELECT @@global.binlog_checksum")).containsExactly(List.of("CRC32"));
            assertThat(query(server, "SHOW BINARY LOGS")).containsExactly(List.of("mysql-bin.000057", "" + size, "No"));
            assertThatThrownBy(() -> query(server, "SELECT @@no_such_variable"))
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(1193));
        }
    }

    @Test
    void version80HasOnlyShowMasterStatus() throws Exception {
        try (MysqlReplayServer server = server("8.0.31")) {
            assertThat(query(server, "SHOW MASTER STATUS"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.get(0)).isEqualTo("mysql-bin.000057"));
            assertThatThrownBy(() -> query(server, "SHOW BINARY LOG STATUS"))
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(1064));
        }
    }

    /** The query python-mysql-replication sends (pymysqlreplication/binlogstream.py), answered from the tables given. */
    @Test
    void informationSchemaColumnsComeFromTheSuppliedTables() throws Exception {
        try (MysqlReplayServer server = MysqlReplayServer.builder()
                .binlog(ReplayFixtures.file(ReplayFixtures.MYSQL_80_PAYLOAD))
                .user("repl", "pw", ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD)
                .table(
                        "shop",
                        "orders",
                        ReplayColumn.of("id", "bigint unsigned").primaryKey(),
                        ReplayColumn.of("note", "varchar(20)"),
                        ReplayColumn.of("at", "datetime(3)"))
                .table("shop", "other", ReplayColumn.of("x", "int"))
                .start()) {
            assertThat(
                            query(
                                    server,
                                    "SELECT COLUMN_NAME, COLLATION_NAME, CHARACTER_SET_NAME, COLUMN_COMMENT,"
                                            + " COLUMN_TYPE, COLUMN_KEY, ORDINAL_POSITION, DATA_TYPE FROM information_schema.columns"
                                            + " WHERE table_schema = 'shop' AND table_name = 'orders' ORDER BY ORDINAL_POSITION"))
                    .containsExactly(
                            java.util.Arrays.asList("id", null, null, "", "bigint unsigned", "PRI", "1", "bigint"),
                            java.util.Arrays.asList(
                                    "note", "utf8mb4_0900_ai_ci", "utf8mb4", "", "varchar(20)", "", "2", "varchar"),
                            java.util.Arrays.asList("at", null, null, "", "datetime(3)", "", "3", "datetime"));
            assertThat(query(
                            server,
                            "SELECT c.COLUMN_NAME, co.ID, c.DATETIME_PRECISION FROM"
                                    + " information_schema.COLUMNS c LEFT JOIN information_schema.COLLATIONS co ON co.COLLATION_NAME"
                                    + " = c.COLLATION_NAME WHERE c.TABLE_SCHEMA = 'shop' AND c.TABLE_NAME = 'nope'"))
                    .isEmpty();
        }
    }

    @Test
    void aFileThatIsNotABinlogIsRefusedAtBuild() {
        assertThatThrownBy(() -> MysqlReplayServer.builder().binlog("x", new byte[40]))
                .isInstanceOf(ReplayServerException.class)
                .hasMessageContaining("magic");
        assertThatThrownBy(() -> MysqlReplayServer.builder().binlog(Path.of("no", "such")))
                .isInstanceOf(ReplayServerException.class);
    }
}
