package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.IntVarEvent;
import org.mysqlreplication.event.RandEvent;
import org.mysqlreplication.event.UserVarEvent;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * INTVAR, RAND and USER_VAR events, which a server writes only in statement-based logging, compared with what
 * the server itself shows for them in {@code SHOW BINLOG EVENTS} and its {@code SELECT}.
 */
class StatementEventsIT {

    @Test
    void statementContextEventsMatchShowBinlogEvents() {
        try (LocalMariaDb db = LocalMariaDb.builder()
                .serverOption("binlog-format", "STATEMENT")
                .start()) {
            db.execute(
                    "CREATE DATABASE s",
                    "CREATE TABLE s.t (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(20), r DOUBLE)",
                    "SET @greeting = 'hello'",
                    "INSERT INTO s.t (v) VALUES (@greeting)",
                    "INSERT INTO s.t (v, r) VALUES ('x', RAND())");
            List<List<String>> shown = db.query("SHOW BINLOG EVENTS");
            List<BinlogEvent> events = readAll(config(db)
                    .onlyEvents(IntVarEvent.class, RandEvent.class, UserVarEvent.class)
                    .build());

            List<String> intvarInfo = info(shown, "Intvar");
            List<IntVarEvent> intvars = events.stream()
                    .filter(IntVarEvent.class::isInstance)
                    .map(IntVarEvent.class::cast)
                    .toList();
            assertThat(intvars).hasSameSizeAs(intvarInfo).hasSize(2);
            for (int i = 0; i < intvars.size(); i++) {
                assertThat(intvarInfo.get(i))
                        .isEqualTo("INSERT_ID=" + intvars.get(i).value());
                assertThat(intvars.get(i).type()).isEqualTo(2); // INSERT_ID_EVENT
            }

            Matcher seeds = Pattern.compile("rand_seed1=(\\d+),rand_seed2=(\\d+)")
                    .matcher(info(shown, "RAND").get(0));
            assertThat(seeds.matches()).isTrue();
            RandEvent rand = events.stream()
                    .filter(RandEvent.class::isInstance)
                    .map(RandEvent.class::cast)
                    .findFirst()
                    .orElseThrow();
            assertThat(rand.seed1()).isEqualTo(Long.parseLong(seeds.group(1)));
            assertThat(rand.seed2()).isEqualTo(Long.parseLong(seeds.group(2)));

            Matcher userVar = Pattern.compile("@`(\\w+)`=_\\w+ X'([0-9A-F]+)' COLLATE (\\w+)")
                    .matcher(info(shown, "User var").get(0));
            assertThat(userVar.matches()).as(info(shown, "User var").get(0)).isTrue();
            String collationId = db.query("SELECT ID FROM information_schema.COLLATIONS WHERE COLLATION_NAME = '"
                            + userVar.group(3) + "'")
                    .get(0)
                    .get(0);
            UserVarEvent var = events.stream()
                    .filter(UserVarEvent.class::isInstance)
                    .map(UserVarEvent.class::cast)
                    .findFirst()
                    .orElseThrow();
            assertThat(var.name()).isEqualTo(userVar.group(1)).isEqualTo("greeting");
            assertThat(var.isNull()).isFalse();
            assertThat(HexFormat.of().withUpperCase().formatHex(var.value())).isEqualTo(userVar.group(2));
            assertThat(new String(var.value(), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(var.charset()).isEqualTo(Long.parseLong(collationId));
        }
    }

    /**
     * DECIMAL user variables ({@code DECIMAL_RESULT}) come out as the {@code BigDecimal} the variable holds, scale
     * and all: what the server's own {@code SELECT @d} shows in the session that set it, and what SHOW BINLOG
     * EVENTS prints for the event; the column they were inserted into holds the same number.
     */
    @Test
    void decimalUserVariablesAreTheValueTheServerSelects() throws Exception {
        List<String> literals = List.of(
                "123.4500",
                "-123.4500",
                "0.0",
                "-0.000001",
                "7.5",
                "18446744073709551616",
                "1234567890123456789012345678901234.5678901234567890123456789012",
                "-99999999999999999999999999999999999.999999999999999999999999999999");
        List<String> selected = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        try (LocalMariaDb db = LocalMariaDb.builder()
                        .serverOption("binlog-format", "STATEMENT")
                        .start();
                Connection jdbc = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement st = jdbc.createStatement()) {
            st.execute("CREATE DATABASE dec_vars");
            st.execute("CREATE TABLE dec_vars.t (id INT AUTO_INCREMENT PRIMARY KEY, v DECIMAL(65,30))");
            for (String literal : literals) {
                st.execute("SET @d := " + literal);
                st.execute("INSERT INTO dec_vars.t (v) VALUES (@d)");
                try (ResultSet rs = st.executeQuery("SELECT @d")) {
                    rs.next();
                    selected.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT v FROM dec_vars.t ORDER BY id")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            List<String> shown = info(db.query("SHOW BINLOG EVENTS"), "User var");
            List<UserVarEvent> vars = readAll(
                            config(db).onlyEvents(UserVarEvent.class).build())
                    .stream()
                    .map(UserVarEvent.class::cast)
                    .toList();

            assertThat(vars).hasSameSizeAs(literals);
            for (int i = 0; i < literals.size(); i++) {
                UserVarEvent v = vars.get(i);
                assertThat(v.type()).as(literals.get(i)).isEqualTo(UserVarEvent.DECIMAL_RESULT);
                BigDecimal value = (BigDecimal) v.decodedValue();
                assertThat(value.toPlainString()).isEqualTo(selected.get(i)).isEqualTo(literals.get(i));
                assertThat(shown.get(i)).isEqualTo("@`d`=" + selected.get(i));
                assertThat(value).isEqualByComparingTo(new BigDecimal(stored.get(i)));
                assertThat(v.dump()).contains("Type: DECIMAL_RESULT").contains("Value: " + value + "\n");
            }
        }
    }

    private static List<String> info(List<List<String>> shown, String eventType) {
        return shown.stream()
                .filter(r -> r.get(2).equals(eventType))
                .map(r -> r.get(5))
                .toList();
    }
}
