package org.mysqlreplication.event.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.event.decode.EventBytes.body;
import static org.mysqlreplication.event.decode.EventBytes.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.UnknownEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;

/** The one path of every event: framing, selection and positions, for streams and files alike. */
class EventReaderTest {

    /** Every record class of the sealed hierarchy (its leaves), found by reflection, not by a list of ours. */
    private static Set<Class<?>> leaves(Class<?> c) {
        Set<Class<?>> out = new LinkedHashSet<>();
        if (c.isSealed()) {
            for (Class<?> sub : c.getPermittedSubclasses()) {
                out.addAll(leaves(sub));
            }
        } else {
            out.add(c);
        }
        return out;
    }

    @Test
    void everyEventRecordHasARegistryEntryAndEveryEntryARecord() {
        Set<Class<?>> records = leaves(BinlogEvent.class);
        records.remove(UnknownEvent.class); // what a type without an entry becomes
        assertThat(records).hasSizeGreaterThan(20);
        assertThat(new LinkedHashSet<Class<?>>(EventRegistry.recordClasses()))
                .as("a sealed event record without a registry entry, or an entry whose class is no record of ours")
                .isEqualTo(records);
        for (EventType t : EventRegistry.types()) {
            assertThat(EventRegistry.recordClass(t).isRecord()).as(t.name()).isTrue();
        }
    }

    @Test
    void theTypesThatCarryStateAreThoseTheStreamNeedsEvenWhenFiltered() {
        for (EventType t : List.of(
                EventType.FORMAT_DESCRIPTION_EVENT,
                EventType.ROTATE_EVENT,
                EventType.TABLE_MAP_EVENT,
                EventType.QUERY_EVENT,
                EventType.XID_EVENT,
                EventType.XA_PREPARE_LOG_EVENT,
                EventType.MARIADB_GTID_EVENT,
                EventType.MARIADB_GTID_LIST_EVENT,
                EventType.GTID_LOG_EVENT,
                EventType.TRANSACTION_PAYLOAD_EVENT,
                EventType.MARIADB_START_ENCRYPTION_EVENT)) {
            assertThat(EventRegistry.carriesState(t)).as(t.name()).isTrue();
        }
        for (EventType t : List.of(
                EventType.WRITE_ROWS_EVENT,
                EventType.MARIADB_ANNOTATE_ROWS_EVENT,
                EventType.HEARTBEAT_LOG_EVENT,
                EventType.ROWS_QUERY_LOG_EVENT)) {
            assertThat(EventRegistry.carriesState(t)).as(t.name()).isFalse();
        }
    }

    /**
     * A MySQL 5.1.3 format: TABLE_MAP and v1 rows events with a post-header of 6, whose table id has 4 bytes. The
     * selection used to read 6 bytes there (the id with the flags), found no table map and decoded the event anyway.
     */
    @Test
    void theSelectionReadsAFourByteTableIdByThePostHeaderRule() {
        int[] p = Arrays.copyOf(ControlEventsDecodeTest.mysql8PostHeaders(), 27);
        p[EventType.TABLE_MAP_EVENT.code() - 1] = 6;
        for (int t = 23; t <= 25; t++) {
            p[t - 1] = 6;
        }
        byte[] fde = event(15, 1000, 1, 0, 0, ControlEventsDecodeTest.fdeBody("5.1.3-beta", p, null), false);
        byte[] tableMap = body().le(42, 4)
                .u16(1)
                .lenencStr("shop")
                .u8(0)
                .lenencStr("items")
                .u8(0)
                .u8(1)
                .u8(3)
                .u8(0)
                .u8(0x00)
                .build();
        byte[] rows = body().le(42, 4).u16(1).u8(1).u8(0x01).u8(0x00).u32(7).build();
        for (boolean ignored : new boolean[] {true, false}) {
            EventSelector selector = ignored
                    ? EventSelector.builder()
                            .ignoredTables(Set.of("shop.items"))
                            .build()
                    : EventSelector.builder().onlyTables(Set.of("items")).build();
            EventReader reader = EventReader.forStream(new DecodeContext(UnknownEventPolicy.FAIL), selector, null);
            List<BinlogEvent> out = new ArrayList<>();
            for (byte[] e : List.of(fde, event(19, tableMap, false), event(23, rows, false))) {
                reader.read(Payload.of(ByteReader.of(e)), -1);
                for (BinlogEvent x; (x = reader.poll()) != null; ) {
                    out.add(x);
                }
            }
            if (ignored) {
                assertThat(out).noneMatch(e -> e instanceof WriteRowsEvent || e instanceof TableMapEvent);
            } else {
                assertThat(out)
                        .filteredOn(e -> e instanceof WriteRowsEvent)
                        .singleElement()
                        .satisfies(
                                e -> assertThat(((WriteRowsEvent) e).tableId()).isEqualTo(42));
            }
        }
    }

    /**
     * A size of 19 to 22 in a CRC32 stream leaves no room for the checksum: it used to compute a negative length
     * (a raw ArrayIndexOutOfBoundsException, or with verification off an overrun that named nothing).
     */
    @ParameterizedTest
    @ValueSource(ints = {19, 20, 21, 22})
    void aSizeWithoutRoomForTheChecksumIsATypedErrorThatSaysWhere(int size) {
        for (boolean verify : new boolean[] {true, false}) {
            DecodeContext ctx = new DecodeContext(
                    DecodeOptions.defaults(UnknownEventPolicy.DELIVER).withVerifyChecksum(verify));
            EventReader reader = EventReader.forFile("mysql-bin.000003", ctx, EventSelector.ALL);
            ctx.setChecksumAlgorithm(ChecksumAlgorithm.CRC32);
            byte[] xid = Arrays.copyOf(
                    body().u32(1000)
                            .u8(16)
                            .u32(1)
                            .u32(size)
                            .u32(1000 + size)
                            .u16(0)
                            .build(),
                    size);
            assertThatThrownBy(() -> reader.read(Payload.of(ByteReader.of(xid)), 1000))
                    .isInstanceOf(EventDecodeException.class)
                    .hasMessageContaining("event size " + size)
                    .hasMessageContaining("mysql-bin.000003")
                    .hasMessageContaining("position 1000")
                    .hasMessageContaining("XID_EVENT")
                    .satisfies(e -> assertThat(e.getCause()).isNull());
        }
    }

    /** A truncated header is a typed error too, never a raw overrun. */
    @Test
    void aPayloadShorterThanAHeaderIsATypedError() {
        EventReader reader =
                EventReader.forFile("f.000001", new DecodeContext(UnknownEventPolicy.FAIL), EventSelector.ALL);
        assertThatThrownBy(() -> reader.read(Payload.of(ByteReader.of(new byte[7])), 4))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("header truncated")
                .hasMessageContaining("f.000001");
        assertThat(BinlogException.class).isAssignableFrom(EventDecodeException.class);
    }
}
