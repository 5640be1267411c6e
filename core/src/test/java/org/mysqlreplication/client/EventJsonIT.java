package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.client.ReadmeSessionIT.config;
import static org.mysqlreplication.client.ReadmeSessionIT.readAll;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.jsonl.JsonLines;
import org.mysqlreplication.testing.LocalMariaDb;

/**
 * python's {@code to_dict()} / {@code to_json()} on events from a real server ({@code toMap()}, {@code toJson()}):
 * a row's values as the server's SELECT gives them, in the JSON lines encoding, and the fields of other events as
 * the server's SHOW BINLOG EVENTS shows them.
 */
class EventJsonIT {

    @Test
    void eventsAsMapsHoldWhatTheServerHolds() {
        try (LocalMariaDb db = LocalMariaDb.builder().start()) {
            db.execute(
                    "CREATE DATABASE js",
                    "CREATE TABLE js.t (id BIGINT UNSIGNED PRIMARY KEY, d DECIMAL(6,2), f DOUBLE, s VARCHAR(10),"
                            + " dt DATETIME(3), b VARBINARY(4), n INT)",
                    "INSERT INTO js.t VALUES (18446744073709551615, -12.50, 0.1, 'h\u00e9 \"q\"',"
                            + " '2026-01-02 03:04:05.678', 0x00FF10, NULL)");
            List<String> selected =
                    db.query("SELECT id, d, f, s, dt, HEX(b) FROM js.t").get(0);
            List<List<String>> shown = db.query("SHOW BINLOG EVENTS");
            List<BinlogEvent> events = readAll(config(db)
                    .onlyEvents(WriteRowsEvent.class, XidEvent.class, QueryEvent.class)
                    .build());

            WriteRowsEvent write = (WriteRowsEvent) events.stream()
                    .filter(WriteRowsEvent.class::isInstance)
                    .findFirst()
                    .orElseThrow();
            Map<String, Object> map = write.toMap();
            assertThat(map)
                    .containsEntry("event", "WriteRowsEvent")
                    .containsEntry("database", "js")
                    .containsEntry("table", "t")
                    .containsEntry("type", "insert")
                    .containsEntry("log_pos", write.header().logPos());
            @SuppressWarnings("unchecked")
            Map<String, Object> data =
                    (Map<String, Object>) ((Map<?, ?>) ((List<?>) map.get("rows")).get(0)).get("data");
            assertThat(data).containsOnlyKeys("id", "d", "f", "s", "dt", "b", "n");
            assertThat(data.get("id")).isEqualTo(new BigInteger(selected.get(0)));
            assertThat(data.get("d")).isEqualTo(new BigDecimal(selected.get(1))); // -12.50, the scale too
            assertThat((BigDecimal) data.get("f")).isEqualByComparingTo(selected.get(2));
            assertThat(data.get("s")).isEqualTo(selected.get(3));
            assertThat(data.get("dt")).isEqualTo(selected.get(4));
            assertThat(Base64.getDecoder().decode((String) data.get("b")))
                    .isEqualTo(HexFormat.of().parseHex(selected.get(5)));
            assertThat(data).containsEntry("n", null);
            assertThat(write.toJson()).isEqualTo(JsonLines.toJson(write));

            XidEvent xid = (XidEvent) events.get(events.indexOf(write) + 1); // the insert's commit
            String xidInfo = shown.stream()
                    .filter(r -> r.get(2).equals("Xid")
                            && Long.parseLong(r.get(4)) == xid.header().logPos())
                    .findFirst()
                    .orElseThrow()
                    .get(5);
            assertThat(xidInfo).isEqualTo("COMMIT /* xid=" + xid.toMap().get("xid") + " */");
            assertThat(xid.toMap()).containsEntry("event", "XidEvent").containsEntry("type_code", 16L);

            QueryEvent create = (QueryEvent) events.stream()
                    .filter(e -> e instanceof QueryEvent q && q.query().startsWith("CREATE TABLE"))
                    .findFirst()
                    .orElseThrow();
            assertThat(create.toMap())
                    .containsEntry("event", "QueryEvent")
                    .containsEntry(
                            "query",
                            shown.stream()
                                    .filter(r -> r.get(5).contains("CREATE TABLE"))
                                    .findFirst()
                                    .orElseThrow()
                                    .get(5));
        }
    }
}
