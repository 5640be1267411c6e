package org.mysqlreplication.event.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.event.decode.EventBytes.body;
import static org.mysqlreplication.event.decode.EventBytes.event;
import static org.mysqlreplication.event.decode.EventBytes.hex;

import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.event.PreviousGtidsEvent;
import org.mysqlreplication.event.RowsQueryEvent;
import org.mysqlreplication.event.UnknownEvent;
import org.mysqlreplication.event.XaPrepareEvent;
import org.mysqlreplication.io.ByteReader;

/** MySQL GTID, PREVIOUS_GTIDS, XA_PREPARE and ROWS_QUERY events from the layouts of control_events.h. */
class MysqlGtidDecodeTest {

    private static final byte[] SID = hex("3E11FA4771CA11E19E33C80AA9429562");

    private final EventDecoder decoder = new EventDecoder(new DecodeContext(UnknownEventPolicy.FAIL));

    private BinlogEvent decode(byte[] bytes) {
        return decoder.decode(ByteReader.of(bytes));
    }

    @Test
    void mysql56GtidHasNoLogicalTimestamps() {
        GtidEvent e =
                (GtidEvent) decode(event(33, body().u8(1).bytes(SID).u64(23).build(), false));
        assertThat(e.gtid()).isEqualTo("3e11fa47-71ca-11e1-9e33-c80aa9429562:23");
        assertThat(e.lastCommitted()).isNull();
        assertThat(e.dump())
                .contains("Commit: True")
                .contains("GTID_NEXT: 3e11fa47-71ca-11e1-9e33-c80aa9429562:23")
                .doesNotContain("last_committed");
    }

    @Test
    void mysql8GtidWithOriginalTimestampAndServerVersion() {
        long immediate = 1_746_691_576_420_070L;
        long original = 1_746_691_570_000_000L;
        byte[] b = body().u8(0)
                .bytes(SID)
                .u64(5)
                .u8(2)
                .u64(4)
                .u64(5)
                .le(immediate | 1L << 55, 7)
                .le(original, 7) // bit 55: the original timestamp follows
                .u8(250) // transaction length, packed in one byte
                .u32(80034 | 1L << 31)
                .u32(80028) // bit 31: the original server version follows
                .build();
        GtidEvent e = (GtidEvent) decode(event(33, b, false));
        assertThat(e.lastCommitted()).isEqualTo(4);
        assertThat(e.sequenceNumber()).isEqualTo(5);
        assertThat(e.immediateCommitTimestamp()).isEqualTo(immediate);
        assertThat(e.originalCommitTimestamp()).isEqualTo(original);
        assertThat(e.transactionLength()).isEqualTo(250);
        assertThat(e.immediateServerVersion()).isEqualTo(80034);
        assertThat(e.originalServerVersion()).isEqualTo(80028);
        assertThat(e.commitGroupTicket()).isNull();
        assertThat(e.dump()).contains("last_committed: 4").contains("sequence_number: 5");
    }

    @Test
    void anonymousGtidWithSameTimestamps() {
        byte[] b = body().u8(1)
                .bytes(new byte[16])
                .u64(0)
                .u8(2)
                .u64(0)
                .u64(1)
                .le(77, 7)
                .u8(0xFC)
                .u16(301)
                .u32(80034)
                .build();
        GtidEvent e = (GtidEvent) decode(event(34, b, false));
        assertThat(e.anonymous()).isTrue();
        assertThat(e.gtid()).isEqualTo("ANONYMOUS");
        assertThat(e.originalCommitTimestamp()).isEqualTo(77);
        assertThat(e.transactionLength()).isEqualTo(301);
        assertThat(e.originalServerVersion()).isEqualTo(80034);
    }

    @Test
    void previousGtidsAsMysqlPrintsThem() {
        byte[] b = body().u64(1).bytes(SID).u64(2).u64(1).u64(6).u64(7).u64(8).build();
        PreviousGtidsEvent e = (PreviousGtidsEvent) decode(event(35, b, false));
        assertThat(e.gtidSet()).isEqualTo("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5:7");
    }

    @Test
    void previousGtidsNotInTheUntaggedLayoutIsDeliveredRaw() {
        byte[] b = body().u64(0x0200_0000_0000_0002L).bytes(SID).build(); // format 2 is not MySQL's
        assertThat(decode(event(35, b, false))).isInstanceOf(UnknownEvent.class);
        // a negative count in an 8-byte body once made the decoder allocate a huge list
        assertThat(decode(event(35, body().u64(-1L).build(), false))).isInstanceOf(UnknownEvent.class);
    }

    @Test
    void xaPrepareAndRowsQuery() {
        XaPrepareEvent x = (XaPrepareEvent)
                decode(event(38, body().u8(0).u32(1).u32(1).u32(2).str("xyz").build(), false));
        assertThat(x.onePhase()).isFalse();
        assertThat(new String(x.xid().gtrid())).isEqualTo("x");
        assertThat(new String(x.xid().bqual())).isEqualTo("yz");
        assertThat(x.dump()).contains("XID: xyz");
        RowsQueryEvent q = (RowsQueryEvent)
                decode(event(29, body().u8(24).str("INSERT INTO t VALUES (1)").build(), false));
        assertThat(q.query()).isEqualTo("INSERT INTO t VALUES (1)");
    }
}
