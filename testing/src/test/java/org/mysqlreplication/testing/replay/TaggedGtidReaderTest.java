package org.mysqlreplication.testing.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The replay server's own reading of GTID_TAGGED_LOG_EVENT (type 42, MySQL 8.3+), on MySQL 9.6.0's
 * {@code binlog_transaction_with_GTID_TAG.000001} and on messages built from MySQL's sources: the variable-length
 * integers of {@code libs/mysql/serialization/readme.md} (65535 unsigned is {@code FB FF 07}, signed {@code F3 FF 0F};
 * 9 bytes for values of more than 56 bits), the message metadata of {@code Serializer_default::
 * encode_serializable_metadata} (size from the message's first byte, last non-ignorable field id plus one) and the
 * field order of {@code Gtid_event::define_fields} (0 flags, 1 UUID as 16 integers, 2 gno, 3 tag, 4.. the rest).
 */
class TaggedGtidReaderTest {

    private static final String FIXTURE =
            "blackbeam-rust_mysql_common/test-data/binlogs/binlog_transaction_with_GTID_TAG.000001";
    private static final String UUID = "55778904-0299-11f1-b1b8-4ef0c4956feb";

    /**
     * The fixture's GTID_TAGGED event starts at 245, where its PREVIOUS_GTIDS event ends (that event's log position,
     * {@code F5 00 00 00}); its body begins {@code 02 78 00 00 00 02 AA EE 25 02 ...}: version 1, 60 bytes, no
     * non-ignorable field, flags 0, then the UUID 0x55 0x77 0x89 ... The file's PREVIOUS_GTIDS says
     * {@code :1-13:mytag:1-2}; the transaction after it is {@code mytag:3} (gno field {@code 04 0C}, tag field
     * {@code 06 0A "mytag"}).
     */
    @Test
    void theFixturesTaggedGtidAndExecutedSet() throws Exception {
        ReplayBinlog b = ReplayBinlog.of("binlog.000001", Files.readAllBytes(ReplayFixtures.file(FIXTURE)));
        assertThat(b.gtids()).containsOnlyKeys(245);
        assertThat(b.gtidAt(245)).isEqualTo(new ReplayGtid(UUID, "mytag", 3));
        assertThat(b.previousGtids()).hasToString(UUID + ":1-13:mytag:1-2");
        assertThat(b.executedGtids()).hasToString(UUID + ":1-13:mytag:1-3");
    }

    @Test
    void integersOfTheReadmesExamplesAndOfNineBytes() {
        ReplayGtid g = read(message(0, hex("F3FF0F"), "abc", hex("")));
        assertThat(g).isEqualTo(new ReplayGtid("3e11fa47-71ca-11e1-9e33-c80aa9429562", "abc", 65535));
        // the largest gno MySQL allows, 2^63 - 2: signed, (2^63 - 2) << 1 needs the 9-byte form
        g = read(message(0, hex("FF" + "FCFFFFFFFFFFFFFF"), "t", hex("")));
        assertThat(g.gno()).isEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    void fieldsOfANewerServerAreSkippedUnlessMarkedNonIgnorable() {
        byte[] later = hex("0800" + "0A02" + "0C" + "C8" + "18" + "02"); // fields 4, 5, 6 and an unknown 12
        assertThat(read(message(0, hex("0C"), "mytag", later)).gno()).isEqualTo(3);
        // 12 says field 11 (commit_group_ticket) is non-ignorable: known, so accepted
        assertThat(read(message(12, hex("0C"), "mytag", later)).tag()).isEqualTo("mytag");
        assertThatThrownBy(() -> read(message(14, hex("0C"), "mytag", later)))
                .isInstanceOf(ReplayServerException.class)
                .hasMessageContaining("field 13 is marked non-ignorable");
    }

    @Test
    void anUntaggedGtidTaggedEventAndTruncatedMessagesAreTold() {
        assertThat(read(message(0, hex("0C"), "", hex(""))).tsid()).isEqualTo("3e11fa47-71ca-11e1-9e33-c80aa9429562");
        byte[] m = message(0, hex("0C"), "mytag", hex(""));
        assertThatThrownBy(() -> TaggedGtidReader.read(m, 0, m.length - 3))
                .isInstanceOf(ReplayServerException.class)
                .hasMessageContaining("message size");
    }

    @Test
    void aCutFileOrABrokenTaggedEventIsRefusedWhenServed() throws Exception {
        byte[] file = Files.readAllBytes(ReplayFixtures.file(FIXTURE));
        assertThatThrownBy(() -> ReplayBinlog.of("cut", Arrays.copyOf(file, file.length - 3)))
                .isInstanceOf(ReplayServerException.class)
                .hasMessageContaining("the event at 541 (size 44) does not fit");
        byte[] broken = file.clone();
        broken[245 + 19 + 1] = 0x02; // message size 1: shorter than its own metadata
        assertThatThrownBy(() -> ReplayBinlog.of("broken", broken))
                .isInstanceOf(ReplayServerException.class)
                .hasMessageContaining("binlog broken: GTID_TAGGED_LOG_EVENT at 245: message size 1");
    }

    private static ReplayGtid read(byte[] m) {
        return TaggedGtidReader.read(m, 0, m.length);
    }

    /** A GTID_TAGGED message: version 1, its size, the last non-ignorable id, flags 1, UUID, gno, tag, the rest. */
    private static byte[] message(int lastNonIgnorable, byte[] gno, String tag, byte[] rest) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x00); // field 0: flags
        f.write(0x02); // = 1
        f.write(0x02); // field 1: the UUID, one integer per byte
        for (byte x : HexFormat.of().parseHex("3E11FA4771CA11E19E33C80AA9429562")) {
            int v = x & 0xFF;
            if (v < 128) {
                f.write(v << 1);
            } else {
                f.write(((v << 2) | 1) & 0xFF);
                f.write(v >>> 6);
            }
        }
        f.write(0x04); // field 2: gno
        f.writeBytes(gno);
        f.write(0x06); // field 3: tag
        f.write(tag.length() << 1);
        f.writeBytes(tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        f.writeBytes(rest);
        byte[] fields = f.toByteArray();
        int size = 3 + fields.length;
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.write(0x02); // version 1
        m.write(size << 1); // sizes under 128 in one byte
        m.write(lastNonIgnorable << 1);
        m.writeBytes(fields);
        return m.toByteArray();
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
