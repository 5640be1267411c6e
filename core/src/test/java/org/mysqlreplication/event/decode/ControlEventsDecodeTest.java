package org.mysqlreplication.event.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.event.decode.EventBytes.body;
import static org.mysqlreplication.event.decode.EventBytes.event;
import static org.mysqlreplication.event.decode.EventBytes.hex;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.event.HeartbeatEvent;
import org.mysqlreplication.event.IncidentEvent;
import org.mysqlreplication.event.IntVarEvent;
import org.mysqlreplication.event.MariadbStartEncryptionEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.RandEvent;
import org.mysqlreplication.event.RotateEvent;
import org.mysqlreplication.event.StopEvent;
import org.mysqlreplication.event.UnknownEvent;
import org.mysqlreplication.event.UserVarEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;

/** Control events built from the layouts of MySQL's control_events.h / statement_events.h. */
class ControlEventsDecodeTest {

    private final DecodeContext ctx = new DecodeContext(UnknownEventPolicy.DELIVER);
    private final EventDecoder decoder = new EventDecoder(ctx);

    /** FDE body: binlog version, 50-byte server version, create time, header length, post-header lengths. */
    static byte[] fdeBody(String version, int[] postHeaders, Integer alg) {
        byte[] v = Arrays.copyOf(version.getBytes(), 50);
        EventBytes b = body().u16(4).bytes(v).u32(1_700_000_000L).u8(19);
        int[] lengths = postHeaders.clone();
        int own = EventType.FORMAT_DESCRIPTION_EVENT.code() - 1;
        if (lengths.length > own && lengths[own] == 0) {
            lengths[own] = 2 + 50 + 4 + 1 + lengths.length; // the FDE's own post-header, as servers write it
        }
        for (int p : lengths) {
            b.u8(p);
        }
        if (alg != null) {
            b.u8(alg);
        }
        return b.build();
    }

    static int[] mysql8PostHeaders() {
        int[] p = new int[41];
        p[EventType.QUERY_EVENT.code() - 1] = 13;
        p[EventType.ROTATE_EVENT.code() - 1] = 8;
        p[EventType.TABLE_MAP_EVENT.code() - 1] = 8;
        for (int t = 23; t <= 25; t++) {
            p[t - 1] = 8;
        }
        for (int t = 30; t <= 32; t++) {
            p[t - 1] = 10;
        }
        return p;
    }

    private BinlogEvent decode(byte[] bytes) {
        return decoder.decode(ByteReader.of(bytes));
    }

    @Test
    void formatDescriptionSetsChecksumAlgorithmAndPostHeaderLengths() {
        byte[] fde = event(15, 1_700_000_000L, 7, 0, 0, fdeBody("8.0.32", mysql8PostHeaders(), 1), true);
        fde[17] |= EventHeader.LOG_EVENT_BINLOG_IN_USE_F; // the server checksums the FDE with this flag cleared

        FormatDescriptionEvent e = (FormatDescriptionEvent) decode(fde);

        assertThat(e.binlogVersion()).isEqualTo(4);
        assertThat(e.serverVersion()).isEqualTo("8.0.32");
        assertThat(e.createTimestamp()).isEqualTo(1_700_000_000L);
        assertThat(e.headerLength()).isEqualTo(19);
        assertThat(e.postHeaderLength(EventType.QUERY_EVENT.code())).isEqualTo(13);
        assertThat(e.postHeaderLength(EventType.WRITE_ROWS_EVENT.code())).isEqualTo(10);
        assertThat(e.checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.CRC32);
        assertThat(e.header().flags() & EventHeader.LOG_EVENT_BINLOG_IN_USE_F).isEqualTo(1);
        assertThat(ctx.checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.CRC32);
        assertThat(ctx.formatDescription()).isSameAs(e);
    }

    @Test
    void formatDescriptionOfOldServerHasNoChecksumByte() {
        int[] p = Arrays.copyOf(mysql8PostHeaders(), 27);
        FormatDescriptionEvent e = (FormatDescriptionEvent)
                decode(event(15, body().bytes(fdeBody("5.5.27-log", p, null)).build(), false));
        assertThat(e.checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.NONE);
        assertThat(e.postHeaderLengths()).hasSize(27);
    }

    @Test
    void mariadbBefore5_6_1StillHasTheChecksumByte() {
        int[] p = Arrays.copyOf(mysql8PostHeaders(), 163);
        FormatDescriptionEvent e =
                (FormatDescriptionEvent) decode(event(15, fdeBody("5.5.36-MariaDB-log", p, 1), true));
        assertThat(e.checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.CRC32);
        assertThat(e.postHeaderLengths()).hasSize(163);
    }

    @Test
    void rotateGivesPositionAndNextFileAndSetsTheContextFile() {
        RotateEvent e = (RotateEvent)
                decode(event(4, body().u64(4).str("mysql-bin.000002").build(), false));
        assertThat(e.position()).isEqualTo(4);
        assertThat(e.nextBinlog()).isEqualTo("mysql-bin.000002");
        // the stream's reader, not the decoder, follows ROTATE events to the next file
        EventReader stream = EventReader.forStream(ctx, EventSelector.ALL, null);
        stream.read(
                Payload.of(ByteReader.of(
                        event(4, body().u64(4).str("mysql-bin.000002").build(), false))),
                -1);
        assertThat(ctx.binlogFile()).isEqualTo("mysql-bin.000002");
        assertThat(stream.position()).isEqualTo(new BinlogPosition("mysql-bin.000002", 4));
    }

    @Test
    void smallFixedEvents() {
        assertThat(((XidEvent) decode(event(16, body().u64(-2L).build(), false))).xid())
                .isEqualTo(-2L);
        IntVarEvent iv =
                (IntVarEvent) decode(event(5, body().u8(2).u64(5_000_000_000L).build(), false));
        assertThat(iv.type()).isEqualTo(IntVarEvent.INSERT_ID);
        assertThat(iv.value()).isEqualTo(5_000_000_000L);
        RandEvent r = (RandEvent) decode(event(13, body().u64(123).u64(456).build(), false));
        assertThat(r.seed1()).isEqualTo(123);
        assertThat(r.seed2()).isEqualTo(456);
        assertThat(decode(event(3, new byte[0], false))).isInstanceOf(StopEvent.class);
    }

    @Test
    void userVarIntegerUnsignedAndNull() {
        byte[] b = body().u32(1)
                .str("a")
                .u8(0)
                .u8(UserVarEvent.INT_RESULT)
                .u32(33)
                .u32(8)
                .u64(-1L)
                .u8(UserVarEvent.UNSIGNED_F)
                .build();
        UserVarEvent e = (UserVarEvent) decode(event(14, b, false));
        assertThat(e.name()).isEqualTo("a");
        assertThat(e.charset()).isEqualTo(33);
        assertThat(e.decodedValue()).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(e.dump()).contains("Type: INT_RESULT").contains("Value: 18446744073709551615");

        UserVarEvent n =
                (UserVarEvent) decode(event(14, body().u32(3).str("xyz").u8(1).build(), false));
        assertThat(n.isNull()).isTrue();
        assertThat(n.decodedValue()).isNull();
        assertThat(n.dump()).contains("Is NULL: Yes");
    }

    /**
     * Two DECIMAL_RESULT bodies as MariaDB 10.11.19 wrote them for {@code SET @d := 123.4500} and
     * {@code SET @d := -0.000001} (shown by {@code mariadb-binlog --hexdump}, which prints them as those literals):
     * name, not NULL, type 4, collation 8, length 6, then precision, scale and the binary decimal; no flags byte.
     */
    @Test
    void userVarDecimalIsItsValueWithItsScale() {
        UserVarEvent positive =
                (UserVarEvent) decode(event(14, hex("01000000 64 00 04 08000000 06000000 07 04 807b 1194"), false));
        assertThat(positive.decodedValue()).isEqualTo(new BigDecimal("123.4500"));
        assertThat(positive.flags()).isZero();
        UserVarEvent negative =
                (UserVarEvent) decode(event(14, hex("01000000 64 00 04 08000000 06000000 07 06 7f fffffe"), false));
        assertThat(negative.decodedValue()).isEqualTo(new BigDecimal("-0.000001"));
        assertThat(negative.dump()).contains("Value: -0.000001\n");

        byte[] short4 = event(14, hex("01000000 64 00 04 08000000 05000000 07 04 807b 11"), false);
        assertThatThrownBy(() -> decode(short4))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("USER_VAR_EVENT");
        byte[] longer = event(14, hex("01000000 64 00 04 08000000 07000000 07 04 807b 1194 00"), false);
        assertThatThrownBy(() -> decode(longer))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("1 byte(s) after its value");
    }

    @Test
    void heartbeatV1AndV2() {
        HeartbeatEvent v1 = (HeartbeatEvent)
                decode(event(27, 0, 1, 1234, 0, body().str("binlog.000007").build(), false));
        assertThat(v1.logFile()).isEqualTo("binlog.000007");
        assertThat(v1.position()).isEqualTo(1234);
        // as MySQL's codecs::binary::Heartbeat::encode writes it: file name, position, then the end mark 0
        byte[] tlv = body().u8(1)
                .lenencStr("binlog.000008")
                .u8(2)
                .u8(3)
                .u8(0xFC)
                .u16(5000)
                .u8(0)
                .build();
        HeartbeatEvent v2 = (HeartbeatEvent) decode(event(41, 0, 1, 77, 0, tlv, false));
        assertThat(v2.logFile()).isEqualTo("binlog.000008");
        assertThat(v2.position()).isEqualTo(5000);
        // a newer server's field 3 is passed over by its length; the end mark alone leaves the header's position
        byte[] newer =
                body().u8(3).u8(2).u16(0xBEEF).u8(1).lenencStr("b.1").u8(0).build();
        assertThat(((HeartbeatEvent) decode(event(41, 0, 1, 77, 0, newer, false))).logFile())
                .isEqualTo("b.1");
        HeartbeatEvent bare =
                (HeartbeatEvent) decode(event(41, 0, 1, 77, 0, body().u8(0).build(), false));
        assertThat(bare.logFile()).isEmpty();
        assertThat(bare.position()).isEqualTo(77);
    }

    @Test
    void incidentWithMessage() {
        IncidentEvent e = (IncidentEvent) decode(
                event(26, body().u16(1).u8(14).str("error writing").u8('!').build(), false));
        assertThat(e.incident()).isEqualTo(IncidentEvent.LOST_EVENTS);
        assertThat(e.message()).isEqualTo("error writing!");
    }

    @Test
    void readHeaderDoesNotAdvance() {
        ByteReader in = ByteReader.of(
                event(16, 1_400_000_000L, 99, 777, 8, body().u64(1).build(), false));
        EventHeader h = EventDecoder.readHeader(in);
        assertThat(in.position()).isZero();
        assertThat(h.timestamp()).isEqualTo(1_400_000_000L);
        assertThat(h.eventType()).isEqualTo(EventType.XID_EVENT);
        assertThat(h.serverId()).isEqualTo(99);
        assertThat(h.eventSize()).isEqualTo(27);
        assertThat(h.logPos()).isEqualTo(777);
        assertThat(h.flags()).isEqualTo(8);
        decoder.decode(in);
        assertThat(in.remaining()).isZero();
    }

    @Test
    void leftoverBytesAreAnErrorNamingWhere() {
        ctx.setBinlogFile("binlog.000001");
        byte[] xid = event(16, 1000, 1, 1031, 0, body().u64(1).u32(0).build(), false);
        assertThatThrownBy(() -> decode(xid))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("4 byte(s) left over")
                .hasMessageContaining("binlog.000001")
                .hasMessageContaining("position 1000")
                .hasMessageContaining("XID_EVENT")
                .hasMessageContaining("offset 27");
    }

    @Test
    void truncatedBodyIsAnErrorWithTheEventType() {
        byte[] rand = event(13, body().u64(1).build(), false); // RAND needs 16 bytes
        assertThatThrownBy(() -> decode(rand))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("RAND_EVENT")
                .hasMessageContaining("read past the end");
    }

    @Test
    void eventLongerThanTheInputIsAnError() {
        byte[] xid = event(16, body().u64(1).build(), false);
        assertThatThrownBy(() -> decoder.decode(ByteReader.of(xid, 0, 20)))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("event size 27");
    }

    @Test
    void unknownEventPolicies() {
        byte[] payload = event(28, body().u8(1).u64(7).build(), false);
        UnknownEvent u = (UnknownEvent) decode(payload);
        assertThat(u.header().eventType()).isEqualTo(EventType.IGNORABLE_LOG_EVENT);
        assertThat(u.body()).hasSize(9);
        byte[] unlisted = event(250, new byte[] {1, 2}, false);
        assertThat(((UnknownEvent) decode(unlisted)).header().typeName()).isEqualTo("type 250");

        EventDecoder strict = new EventDecoder(new DecodeContext(UnknownEventPolicy.FAIL));
        assertThatThrownBy(() -> strict.decode(ByteReader.of(payload)))
                .isInstanceOf(UnsupportedEventException.class)
                .hasMessageContaining("IGNORABLE_LOG_EVENT");
    }

    @Test
    void checksumMismatchNamesFilePositionTypeAndBothValues() {
        ctx.setChecksumAlgorithm(ChecksumAlgorithm.CRC32);
        ctx.setBinlogFile("binlog.000009");
        byte[] xid = event(16, 1000, 1, 1031, 0, body().u64(42).build(), true);
        assertThat(((XidEvent) decode(xid)).xid()).isEqualTo(42);
        xid[20] ^= 0x10;
        assertThatThrownBy(() -> decode(xid))
                .isInstanceOf(ChecksumException.class)
                .hasMessageContaining("binlog.000009")
                .hasMessageContaining("position 1000")
                .hasMessageContaining("XID_EVENT")
                .hasMessageContaining("0x");
        DecodeContext unverified = new DecodeContext(
                DecodeOptions.defaults(UnknownEventPolicy.DELIVER).withVerifyChecksum(false));
        unverified.setChecksumAlgorithm(ChecksumAlgorithm.CRC32);
        assertThat(new EventDecoder(unverified).decode(ByteReader.of(xid))).isInstanceOf(XidEvent.class);
    }

    @Test
    void startEventV3GivesV3PostHeadersSoQueriesHaveNoStatusVars() {
        byte[] v = Arrays.copyOf("4.0.23-debug-log".getBytes(), 50);
        FormatDescriptionEvent start = (FormatDescriptionEvent)
                decode(event(1, body().u16(3).bytes(v).u32(0).build(), false));
        assertThat(start.binlogVersion()).isEqualTo(3);
        assertThat(start.postHeaderLength(EventType.QUERY_EVENT.code())).isEqualTo(11);
        byte[] q = body().u32(5)
                .u32(0)
                .u8(4)
                .u16(0)
                .str("test")
                .u8(0)
                .str("DROP TABLE t1")
                .build();
        QueryEvent e = (QueryEvent) decode(event(2, q, false));
        assertThat(e.schema()).isEqualTo("test");
        assertThat(e.query()).isEqualTo("DROP TABLE t1");
        assertThat(e.statusVars().flags2()).isNull();
    }

    @Test
    void binlogV1IsRejectedWithAClearError() {
        byte[] v = Arrays.copyOf("3.23.57".getBytes(), 50);
        assertThatThrownBy(() -> decode(event(1, body().u16(1).bytes(v).u32(0).build(), false)))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("binlog format version 1");
    }

    @Test
    void encryptionStartIsATypedEventThatAFileCannotReadPast() {
        byte[] nonce = new byte[12];
        nonce[11] = 7;
        byte[] start = event(164, body().u8(1).u32(3).bytes(nonce).build(), false);
        MariadbStartEncryptionEvent e = (MariadbStartEncryptionEvent) decode(start);
        assertThat(e.scheme()).isEqualTo(1);
        assertThat(e.keyVersion()).isEqualTo(3);
        assertThat(e.nonce()).isEqualTo(nonce);
        // a server sends the events after it decrypted; in a file they are encrypted, and we have no key
        EventReader file = EventReader.forFile("mariadb-bin.000001", ctx, EventSelector.ALL);
        assertThatThrownBy(() -> file.read(Payload.of(ByteReader.of(start)), 256))
                .isInstanceOf(UnsupportedEventException.class)
                .hasMessageContaining("encrypted binlog")
                .hasMessageContaining("mariadb-bin.000001")
                .hasMessageContaining("256");
    }

    @Test
    void skipVerifiesChecksumAndAppliesRotate() {
        ctx.setChecksumAlgorithm(ChecksumAlgorithm.CRC32);
        EventReader stream = EventReader.forStream(
                ctx, EventSelector.builder().onlyEvents(XidEvent.class).build(), null);
        stream.read(
                Payload.of(
                        ByteReader.of(event(4, body().u64(4).str("next.000003").build(), true))),
                -1);
        assertThat(stream.poll()).isNull(); // dropped by the selection, but applied
        assertThat(ctx.binlogFile()).isEqualTo("next.000003");
        byte[] bad = event(16, body().u64(1).build(), true);
        bad[bad.length - 1] ^= 1;
        assertThatThrownBy(() -> decoder.skip(ByteReader.of(bad))).isInstanceOf(ChecksumException.class);
    }
}
