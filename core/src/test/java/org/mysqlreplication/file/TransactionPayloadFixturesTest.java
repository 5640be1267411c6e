package org.mysqlreplication.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.file.Fixtures.only;
import static org.mysqlreplication.file.Fixtures.readAll;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.event.PreviousGtidsEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.Row;
import org.mysqlreplication.event.RowsQueryEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.TransactionPayloadEvent;
import org.mysqlreplication.event.UpdateRow;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.EventDecoder;
import org.mysqlreplication.event.decode.UnknownEventPolicy;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.value.json.MysqlJson;

/**
 * MySQL 8.0.31's {@code mysql-bin.000057} (apecloud/mysql-binlog-connector-rust): two zstd TRANSACTION_PAYLOAD
 * events. Inside, ROWS_QUERY events carry the SQL that wrote each rows event; the decoded values are checked
 * against that SQL. The payload sizes were read from the file by an independent scan (its TLV header parsed by
 * hand, the payload decompressed by the {@code zstd} command).
 */
class TransactionPayloadFixturesTest {

    private static final String FILE = "apecloud-mysql-binlog-connector-rust/tests/parse_file_tests/mysql-bin.000057";

    @Test
    void theDecoderGivesEachPayloadWithItsSizesAndEvents() throws IOException {
        byte[] file = Files.readAllBytes(Fixtures.file(FILE));
        EventDecoder decoder = new EventDecoder(new DecodeContext(UnknownEventPolicy.FAIL));
        ByteReader in = ByteReader.of(file, 4, file.length - 4);
        List<TransactionPayloadEvent> payloads = new ArrayList<>();
        while (in.hasRemaining()) {
            if (decoder.decode(in) instanceof TransactionPayloadEvent p) {
                payloads.add(p);
            }
        }
        assertThat(payloads)
                .extracting(TransactionPayloadEvent::compressionType)
                .containsExactly(0, 0);
        assertThat(payloads).extracting(TransactionPayloadEvent::payloadSize).containsExactly(161L, 516L);
        assertThat(payloads)
                .extracting(TransactionPayloadEvent::uncompressedSize)
                .containsExactly(214L, 1255L);
        assertThat(payloads).extracting(p -> p.header().logPos()).containsExactly(651L, 1283L);
        assertThat(payloads.get(0).events())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("QueryEvent", "RowsQueryEvent", "TableMapEvent", "WriteRowsEvent", "XidEvent");
        assertThat(payloads.get(1).events())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly(
                        "QueryEvent",
                        "RowsQueryEvent",
                        "TableMapEvent",
                        "UpdateRowsEvent",
                        "RowsQueryEvent",
                        "TableMapEvent",
                        "WriteRowsEvent",
                        "XidEvent");
    }

    @Test
    void theFileReaderHandsOutThePayloadsEventsInTheirPlace() {
        List<BinlogEvent> events = readAll(FILE);
        assertThat(events)
                .<Class<?>>extracting(e -> e.getClass())
                .containsExactly(
                        FormatDescriptionEvent.class,
                        PreviousGtidsEvent.class,
                        GtidEvent.class,
                        QueryEvent.class,
                        GtidEvent.class,
                        QueryEvent.class,
                        RowsQueryEvent.class,
                        TableMapEvent.class,
                        WriteRowsEvent.class,
                        XidEvent.class,
                        GtidEvent.class,
                        QueryEvent.class,
                        RowsQueryEvent.class,
                        TableMapEvent.class,
                        UpdateRowsEvent.class,
                        RowsQueryEvent.class,
                        TableMapEvent.class,
                        WriteRowsEvent.class,
                        XidEvent.class);
        assertThat(events).noneMatch(e -> e instanceof TransactionPayloadEvent);
        assertThat(only(events, QueryEvent.class))
                .extracting(QueryEvent::query)
                .containsExactly("create table b(id int)", "BEGIN", "BEGIN");
    }

    /** {@code insert into b values(1)}, into {@code create table b(id int)}. */
    @Test
    void firstPayloadInsertsOne() {
        List<BinlogEvent> events = readAll(FILE);
        assertThat(only(events, RowsQueryEvent.class).get(0).query()).isEqualTo("insert into b values(1)");
        WriteRowsEvent w = only(events, WriteRowsEvent.class).get(0);
        assertThat(w.table().database() + "." + w.table().table()).isEqualTo("a.b");
        assertThat(w.rows()).singleElement().satisfies(r -> assertThat(r.get(0)).isEqualTo(1));
    }

    /**
     * {@code update test_table_3 set enum_field='large', set_field='c', product_item_2='product_3_value' where
     * product_id=55555}: only columns 7, 8 and 11 change. The table map has no column names nor ENUM/SET labels,
     * so ENUM comes as its index and SET as its bit mask.
     */
    @Test
    void secondPayloadUpdatesThreeColumnsOfRow55555() {
        List<BinlogEvent> events = readAll(FILE);
        assertThat(only(events, RowsQueryEvent.class).get(1).query())
                .startsWith("update test_table_3 set enum_field='large', set_field='c'");
        UpdateRow u = only(events, UpdateRowsEvent.class).get(0).rows().get(0);
        assertThat(u.before().get(0)).isEqualTo(55555);
        assertThat(u.after().get(10)).isEqualTo("product_3_value");
        Row inserted = only(events, WriteRowsEvent.class).get(1).rows().get(0);
        assertThat(u.after().get(6))
                .as("'large', as the insert below writes it")
                .isEqualTo(inserted.get(6));
        assertThat(u.after().get(7)).as("'c': the SET member before 'd'").isEqualTo(4L);
        assertThat(u.before().get(7)).as("'d'").isEqualTo(inserted.get(7)).isEqualTo(8L);
        for (int i = 0; i < 20; i++) {
            if (i != 6 && i != 7 && i != 10) {
                assertThat(u.after().get(i))
                        .as("column %d", i + 1)
                        .isEqualTo(u.before().get(i));
            }
        }
    }

    /**
     * {@code insert into test_table_3 values(6666, 'product_item_value_2', now(), 111, 'description_1', now(),
     * 'large', 'd', 'b3', '{"c": 1}', 'product_item_2_value', now(), now(), 2222, 'description_3_value', now(),
     * now(), 222, 'description_4_value', now())}. now() is the statement's time, the event's timestamp: the
     * TIMESTAMP columns hold it, the DATE columns its date (13:53 UTC is that date from UTC-13 to UTC+10).
     */
    @Test
    void secondPayloadInsertsTheValuesOfItsSql() {
        List<BinlogEvent> events = readAll(FILE);
        WriteRowsEvent w = only(events, WriteRowsEvent.class).get(1);
        Row r = w.rows().get(0);
        Instant now = Instant.ofEpochSecond(w.header().timestamp());
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        assertThat(r.get(0)).isEqualTo(6666);
        assertThat(r.get(1)).isEqualTo("product_item_value_2");
        assertThat(r.get(3)).isEqualTo(111);
        assertThat(r.get(4)).isEqualTo("description_1");
        assertThat(r.get(8)).isEqualTo(new byte[] {'b', '3', 0}); // BINARY(3) keeps its padding
        assertThat(((MysqlJson) r.get(9)).text()).isEqualTo("{\"c\": 1}");
        assertThat(r.get(10)).isEqualTo("product_item_2_value");
        assertThat(r.get(13)).isEqualTo(2222);
        assertThat(r.get(14)).isEqualTo("description_3_value");
        assertThat(r.get(17)).isEqualTo(222);
        assertThat(r.get(18)).isEqualTo("description_4_value");
        for (int i : new int[] {5, 15, 19}) {
            assertThat(r.get(i)).as("TIMESTAMP column %d", i + 1).isEqualTo(now);
        }
        for (int i : new int[] {2, 11, 12, 16}) {
            assertThat(r.get(i)).as("DATE column %d", i + 1).isEqualTo(today);
        }
        assertThat(Set.of(r.get(6), r.get(7))).containsExactlyInAnyOrder(4, 8L);
    }
}
