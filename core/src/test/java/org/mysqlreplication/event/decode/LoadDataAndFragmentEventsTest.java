package org.mysqlreplication.event.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mysqlreplication.event.decode.EventBytes.body;
import static org.mysqlreplication.event.decode.EventBytes.event;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.DeleteFileEvent;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * The two event types MySQL 5.5-9.x and MariaDB still write that no fixture holds. DELETE_FILE_EVENT (11): written
 * by {@code sql_load.cc} (MySQL 5.x to 9.x, MariaDB) when a statement-based LOAD DATA fails after its blocks were
 * logged; its layout is {@code Delete_file_event} in MySQL's {@code libs/mysql/binlog/event/load_data_events.h}
 * (post-header: the 4-byte file id at {@code DF_FILE_ID_OFFSET} 0, no body), and MySQL 9.6.0's own
 * FORMAT_DESCRIPTION (in the tagged fixture) gives type 11 a post-header of 4. MariaDB 12.3's
 * PARTIAL_ROW_DATA_EVENT (172, MDEV-32570): its source is not at hand and its documented field order differs between
 * versions of MariaDB's documentation, so it is not decoded; it is refused with what to do, whatever the policy.
 */
class LoadDataAndFragmentEventsTest {

    private static final Path TAGGED = Path.of(
            "..",
            "..",
            "shared",
            "fixtures",
            "binlogs",
            "blackbeam-rust_mysql_common/test-data/binlogs/binlog_transaction_with_GTID_TAG.000001");

    @Test
    void deleteFileAfterMysql96sFormatDescription() throws IOException {
        assumeTrue(Files.isRegularFile(TAGGED), "fixture absent");
        byte[] file = Files.readAllBytes(TAGGED);
        int fdeSize = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(4 + 9);
        EventDecoder decoder = new EventDecoder(new DecodeContext(UnknownEventPolicy.FAIL));
        FormatDescriptionEvent fde = (FormatDescriptionEvent) decoder.decode(ByteReader.of(file, 4, fdeSize));
        assertThat(fde.postHeaderLength(EventType.DELETE_FILE_EVENT.code())).isEqualTo(4);

        DeleteFileEvent e = (DeleteFileEvent)
                decoder.decode(ByteReader.of(event(11, body().u32(2).build(), true)));
        assertThat(e.fileId()).isEqualTo(2);
        assertThat(e.header().eventType()).isEqualTo(EventType.DELETE_FILE_EVENT);
        assertThat(e.dump()).startsWith("=== DeleteFileEvent ===").contains("File id: 2");
        assertThatThrownBy(() -> decoder.decode(
                        ByteReader.of(event(11, body().u32(2).u8(0).build(), true))))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("left over");
    }

    @Test
    void mariadbPartialRowDataIsRefusedWhateverThePolicy() {
        byte[] fragment = event(
                172, body().u32(1).u32(2).u8(1).u64(100).bytes(new byte[10]).build(), false);
        for (UnknownEventPolicy policy : UnknownEventPolicy.values()) {
            EventDecoder decoder = new EventDecoder(new DecodeContext(policy));
            assertThatThrownBy(() -> decoder.decode(ByteReader.of(fragment)))
                    .as(policy.name())
                    .isInstanceOf(UnsupportedEventException.class)
                    .hasMessageContaining("MARIADB_PARTIAL_ROW_DATA_EVENT")
                    .hasMessageContaining("raise binlog_row_event_fragment_threshold");
        }
    }
}
