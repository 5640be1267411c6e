package org.mysqlreplication.event.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.event.decode.EventBytes.body;
import static org.mysqlreplication.event.decode.EventBytes.event;
import static org.mysqlreplication.event.decode.EventBytes.hex;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.event.PreviousGtidsEvent;
import org.mysqlreplication.event.TransactionContextEvent;
import org.mysqlreplication.event.ViewChangeEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * TRANSACTION_CONTEXT and VIEW_CHANGE (no fixture holds one) built from the layouts read by the
 * {@code Transaction_context_event} and {@code View_change_event} constructors in
 * libs/mysql/binlog/event/control_events.cpp with {@code Event_reader::read_data_set} / {@code read_data_map}
 * (event_reader.cpp); GTID_TAGGED and the tagged PREVIOUS_GTIDS from the serialization framework's integers
 * (libs/mysql/serialization/variable_length_integers.h) and {@code encode_nsids_format} (sql/rpl_gtid_set.cc).
 */
class MysqlGroupAndTaggedDecodeTest {

    private static final String UUID_TEXT = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    private static final byte[] SID = hex("3E11FA4771CA11E19E33C80AA9429562");

    private final EventDecoder decoder = new EventDecoder(new DecodeContext(UnknownEventPolicy.FAIL));

    private BinlogEvent decode(byte[] bytes) {
        return decoder.decode(ByteReader.of(bytes));
    }

    @Test
    void transactionContext() {
        byte[] snapshot = body().u64(0).build(); // an empty encoded GTID set
        byte[] b = body().u8(36)
                .u32(77)
                .u8(1)
                .u32(snapshot.length)
                .u32(2)
                .u32(0)
                .str(UUID_TEXT)
                .bytes(snapshot)
                .u16(3)
                .str("123")
                .u16(4)
                .str("4567")
                .build();
        TransactionContextEvent e = (TransactionContextEvent) decode(event(36, b, false));
        assertThat(e.serverUuid()).isEqualTo(UUID_TEXT);
        assertThat(e.threadId()).isEqualTo(77);
        assertThat(e.gtidSpecified()).isTrue();
        assertThat(e.encodedSnapshotVersion()).isEqualTo(snapshot);
        assertThat(e.writeSet()).containsExactly("123", "4567");
        assertThat(e.readSet()).isEmpty();
        assertThat(e.dump()).contains("thread_id: 77");
    }

    @Test
    void viewChange() {
        byte[] viewId = new byte[40];
        byte[] id = "15234567890123456:7".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(id, 0, viewId, 0, id.length);
        String gtids = UUID_TEXT + ":1-9";
        byte[] b = body().bytes(viewId)
                .u64(42)
                .u32(1)
                .u16(8)
                .str("row-hash")
                .u32(gtids.length())
                .str(gtids)
                .build();
        ViewChangeEvent e = (ViewChangeEvent) decode(event(37, b, false));
        assertThat(e.viewId()).isEqualTo("15234567890123456:7");
        assertThat(e.seqNumber()).isEqualTo(42);
        assertThat(e.certificationInfo()).isEqualTo(Map.of("row-hash", gtids));
    }

    /** The serialization framework's unsigned integer: 65535 is 3 bytes, "00000111 11111111 11111011" (readme.md). */
    @Test
    void varlenIntegersAsTheReadmeShowsThem() {
        assertThat(SerializationVarlen.readUnsigned(ByteReader.of(hex("FBFF07"))))
                .isEqualTo(65535);
        assertThat(SerializationVarlen.readSigned(ByteReader.of(hex("F3FF0F")))).isEqualTo(65535);
        assertThat(SerializationVarlen.readSigned(ByteReader.of(hex("EBFF0F")))).isEqualTo(-65535);
        assertThat(SerializationVarlen.readSigned(ByteReader.of(hex("FBFF0F")))).isEqualTo(-65536);
        assertThat(SerializationVarlen.readUnsigned(ByteReader.of(hex("FF" + "FFFFFFFFFFFFFFFF"))))
                .isEqualTo(-1L);
    }

    @Test
    void taggedGtidWithOptionalFieldsAbsentTakesTheImmediateValues() {
        EventBytes b = body().u8(0x02)
                .u8(0)
                .u8(0) // version 1, size patched below, no non-ignorable field
                .u8(0x00)
                .u8(0x02); // field 0: flags 1
        b.u8(0x02); // field 1: the UUID, one integer per byte
        sidAsIntegers(b);
        b.u8(0x04)
                .u8(7 << 2) // field 2: gno 7 (signed: 7 << 1, then the 1-byte form)
                .u8(0x06)
                .u8(3 << 1)
                .str("abc") // field 3: tag
                .u8(0x08)
                .u8(4 << 2)
                .u8(0x0A)
                .u8(5 << 2) // fields 4, 5: logical timestamps 4 and 5 (signed)
                .u8(0x0C)
                .u8(100 << 1) // field 6: immediate commit timestamp 100
                .u8(0x10)
                .u8(60 << 1) // field 8: transaction length 60
                .u8(0x12)
                .u8(0x43)
                .u8(0x0F)
                .u8(0x0B); // field 9: server version 90600 in 3 bytes
        byte[] body = b.build();
        body[1] = (byte) (body.length << 1);
        GtidEvent e = (GtidEvent) decode(event(42, body, false));
        assertThat(e.gtid()).isEqualTo(UUID_TEXT + ":abc:7");
        assertThat(e.tag()).isEqualTo("abc");
        assertThat(e.flags()).isEqualTo(1);
        assertThat(e.lastCommitted()).isEqualTo(4);
        assertThat(e.sequenceNumber()).isEqualTo(5);
        assertThat(e.immediateCommitTimestamp()).isEqualTo(100);
        assertThat(e.originalCommitTimestamp()).isEqualTo(100);
        assertThat(e.transactionLength()).isEqualTo(60);
        assertThat(e.immediateServerVersion()).isEqualTo(90600);
        assertThat(e.originalServerVersion()).isEqualTo(90600);
        assertThat(e.commitGroupTicket()).isNull();
    }

    /**
     * The metadata's "last non-ignorable field" is that field's id plus one ({@code find_last_non_ignorable_field_id}
     * in libs/mysql/serialization/serializer_default_impl.hpp), and a decoder refuses the message only when
     * {@code last_known_field_id + 1 < last_non_ignorable_field_id}: 12 (field 11, commit_group_ticket, is
     * non-ignorable) is read, 13 (an unknown field 12) is refused.
     */
    @Test
    void aNonIgnorableFieldIsRefusedOnlyWhenUnknown() {
        byte[] known = taggedMinimal(12);
        assertThat(((GtidEvent) decode(event(42, known, false))).gno()).isEqualTo(7);
        assertThatThrownBy(() -> decode(event(42, taggedMinimal(13), false)))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("needs field 12");
    }

    /** Version 1, the size, the given last non-ignorable id, the UUID and gno 7 (fields 1 and 2). */
    private static byte[] taggedMinimal(int lastNonIgnorable) {
        EventBytes b = body().u8(0x02).u8(0).u8(lastNonIgnorable << 1).u8(0x02);
        sidAsIntegers(b);
        byte[] body = b.u8(0x04).u8(7 << 2).build();
        body[1] = (byte) (body.length << 1);
        return body;
    }

    /** The UUID as the serialization framework writes a byte array: one unsigned integer (1 or 2 bytes) a byte. */
    private static void sidAsIntegers(EventBytes b) {
        for (byte x : SID) {
            int v = x & 0xFF;
            if (v < 128) {
                b.u8(v << 1);
            } else {
                b.u8(((v << 2) | 1) & 0xFF).u8(v >>> 6);
            }
        }
    }

    @Test
    void taggedPreviousGtids() {
        byte[] b = body().u64(1L << 56 | 2L << 8 | 1) // encode_nsids_format: tagged, 2 entries
                .bytes(SID)
                .u8(0)
                .u64(1)
                .u64(1)
                .u64(14) // untagged 1-13
                .bytes(SID)
                .u8(5 << 1)
                .str("mytag")
                .u64(1)
                .u64(1)
                .u64(3) // mytag:1-2
                .build();
        PreviousGtidsEvent e = (PreviousGtidsEvent) decode(event(35, b, false));
        assertThat(e.gtidSet()).isEqualTo(UUID_TEXT + ":1-13:mytag:1-2");
        assertThat(e.sids()).extracting(PreviousGtidsEvent.SidIntervals::tag).containsExactly("", "mytag");
    }
}
