package org.mysqlreplication.gtid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** MySQL GTID sets: the text of {@code @@gtid_executed}, and the binary form of MySQL's Gtid_set::encode. */
class MysqlGtidSetTest {

    private static final String A = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    private static final String B = "b7009920-c601-11e3-8e07-5e10e6a05cfb";

    @Test
    void parsesAndPrintsMergingIntervals() {
        MysqlGtidSet s = MysqlGtidSet.parse(B + ":3-4, " + A + ":7:1-5,\n" + A + ":6");
        assertThat(s).hasToString(A + ":1-7," + B + ":3-4");
        assertThat(s.contains(UUID.fromString(A), 7)).isTrue();
        assertThat(s.contains(UUID.fromString(B), 5)).isFalse();
        assertThat(MysqlGtidSet.parse(A.toUpperCase() + ":1-3:5")).hasToString(A + ":1-3:5");
        assertThat(MysqlGtidSet.parse("")).isEqualTo(MysqlGtidSet.empty());
    }

    @Test
    void addJoinsAdjacentNumbers() {
        MysqlGtidSet s = MysqlGtidSet.parse(A + ":1-3:5");
        assertThat(s.add(UUID.fromString(A), 4)).hasToString(A + ":1-5");
        assertThat(s.add(UUID.fromString(B), 9)).hasToString(A + ":1-3:5," + B + ":9");
        assertThat(s).hasToString(A + ":1-3:5");
    }

    @Test
    void rejectsMalformedAndTaggedEntries() {
        assertThatThrownBy(() -> MysqlGtidSet.parse(A)).isInstanceOf(GtidFormatException.class);
        assertThatThrownBy(() -> MysqlGtidSet.parse(A + ":0")).isInstanceOf(GtidFormatException.class);
        assertThatThrownBy(() -> MysqlGtidSet.parse(A + ":5-3")).isInstanceOf(GtidFormatException.class);
        assertThatThrownBy(() -> MysqlGtidSet.parse(A + ":9223372036854775807"))
                .isInstanceOf(GtidFormatException.class);
        assertThatThrownBy(() -> MysqlGtidSet.parse("3e11fa47-71ca-11e1-9e33:1"))
                .isInstanceOf(GtidFormatException.class)
                .hasMessageContaining("not a UUID");
        assertThatThrownBy(() -> MysqlGtidSet.parse(A + ":" + "t".repeat(33) + ":1-5"))
                .isInstanceOf(GtidFormatException.class)
                .hasMessageContaining("1 to 32");
        assertThatThrownBy(() -> MysqlGtidSet.parse(A + ":ta-g:1")).isInstanceOf(GtidFormatException.class);
        // a tag with no interval after it is a typo (MySQL never prints one), not an empty part of the set
        assertThatThrownBy(() -> MysqlGtidSet.parse(A + ":1-13:mytag"))
                .isInstanceOf(GtidFormatException.class)
                .hasMessageContaining("tag 'mytag' has no interval");
        assertThatThrownBy(() -> MysqlGtidSet.parse(A + ":x:y:1")).isInstanceOf(GtidFormatException.class);
        assertThatThrownBy(() -> MysqlGtidSet.parse(A + ":x")).isInstanceOf(GtidFormatException.class);
    }

    /**
     * Tagged sets (MySQL 8.3+): a tag applies to the intervals after it; tags are lowercased; per UUID the untagged
     * intervals come first, then the tags in order, as MySQL prints {@code @@gtid_executed}.
     */
    @Test
    void taggedSetsNormaliseAndPrintAsMysql() {
        MysqlGtidSet s = MysqlGtidSet.parse(A + ":Zed:4:beta:1-2:5, " + A + ":3, " + A + ":beta:3-4");
        assertThat(s).hasToString(A + ":3:beta:1-5:zed:4");
        assertThat(s.contains(new MysqlGtidSet.Tsid(UUID.fromString(A), "BETA"), 5))
                .isTrue();
        assertThat(s.contains(UUID.fromString(A), 4)).isFalse();
        assertThat(MysqlGtidSet.parse(s.toString())).isEqualTo(s);
    }

    /**
     * The tagged encoding against what MySQL 9.6.0 wrote: the PREVIOUS_GTIDS body of the fixture
     * blackbeam-rust_mysql_common/test-data/binlogs/binlog_transaction_with_GTID_TAG.000001 (checksum removed).
     */
    @Test
    void taggedEncodingEqualsWhatMysqlWrote() {
        String u = "55778904-0299-11f1-b1b8-4ef0c4956feb";
        String written = "0102000000000001"
                + "55778904029911f1b1b84ef0c4956feb" + "00" + "0100000000000000"
                + "0100000000000000" + "0e00000000000000"
                + "55778904029911f1b1b84ef0c4956feb" + "0a" + "6d79746167" + "0100000000000000"
                + "0100000000000000" + "0300000000000000";
        assertThat(HexFormat.of()
                        .formatHex(MysqlGtidSet.parse(u + ":MyTag:1-2, " + u + ":1-13")
                                .encode()))
                .isEqualTo(written);
    }

    /** Gtid_set::encode (sql/rpl_gtid_set.cc): 8-byte count, then per source uuid, count, [start, end + 1). */
    @Test
    void encodesAsMysqlsGtidSetEncode() {
        String expected = "0200000000000000"
                + "3e11fa4771ca11e19e33c80aa9429562" + "0200000000000000"
                + "0100000000000000" + "0600000000000000" + "0700000000000000" + "0800000000000000"
                + "b7009920c60111e38e075e10e6a05cfb" + "0100000000000000"
                + "0300000000000000" + "0500000000000000";
        assertThat(HexFormat.of()
                        .formatHex(
                                MysqlGtidSet.parse(B + ":3-4," + A + ":1-5:7").encode()))
                .isEqualTo(expected);
        assertThat(HexFormat.of().formatHex(MysqlGtidSet.empty().encode())).isEqualTo("0000000000000000");
    }

    /**
     * MySQL 5.6.17's PREVIOUS_GTIDS event in {@code mysql-bin56.000002} (body at 139..306 of the file, before its
     * CRC32) holds four sources, each 1 to n, read from the bytes with an independent decoder. Encoding that set,
     * given in another order, must give the bytes MySQL wrote, sources in MySQL's sort order.
     */
    @Test
    void encodingEqualsTheBodyOfAMysqlPreviousGtidsEvent() throws Exception {
        Path file = Path.of(
                "..",
                "..",
                "shared",
                "fixtures",
                "binlogs",
                "ikarishinjieva-mysql_binlog_utils",
                "test",
                "mysql-bin56.000002");
        assumeTrue(Files.isRegularFile(file), "fixture " + file.toAbsolutePath() + " is absent");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes[120 + 4]).isEqualTo((byte) 35); // PREVIOUS_GTIDS_LOG_EVENT, 191 bytes at 120
        byte[] body = Arrays.copyOfRange(bytes, 120 + 19, 120 + 191 - 4);
        MysqlGtidSet set = MysqlGtidSet.parse("b7009920-c601-11e3-8e07-5e10e6a05cfb:1-6,"
                + "a6ce328c-c602-11e3-8e0d-e66ccf50db66:1-6,8186fc1e-c5ff-11e3-8df9-e66ccf50db66:1-11,"
                + "7e23401a-c603-11e3-8e13-5e10e6a05cfb:1-5");
        assertThat(HexFormat.of().formatHex(set.encode()))
                .isEqualTo(HexFormat.of().formatHex(body));
    }
}
