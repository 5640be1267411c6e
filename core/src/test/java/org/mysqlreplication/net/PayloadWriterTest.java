package org.mysqlreplication.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.io.ByteReader;

class PayloadWriterTest {

    /** The MySQL documentation's length-encoded integer boundaries: 250 -> fa, 251 -> fc fb 00, 2^16 -> fd 00 00 01. */
    @Test
    void lengthEncodedIntegersAtEachWidthBoundary() {
        assertThat(hex(new PayloadWriter().lenencInt(250))).isEqualTo("fa");
        assertThat(hex(new PayloadWriter().lenencInt(251))).isEqualTo("fcfb00");
        assertThat(hex(new PayloadWriter().lenencInt(0xFFFF))).isEqualTo("fcffff");
        assertThat(hex(new PayloadWriter().lenencInt(0x10000))).isEqualTo("fd000001");
        assertThat(hex(new PayloadWriter().lenencInt(0xFFFFFF))).isEqualTo("fdffffff");
        assertThat(hex(new PayloadWriter().lenencInt(0x1000000))).isEqualTo("fe0000000100000000");
        long[] values = {0, 250, 251, 65535, 65536, 16777215, 16777216, Long.MAX_VALUE};
        PayloadWriter w = new PayloadWriter();
        for (long v : values) {
            w.lenencInt(v);
        }
        ByteReader r = ByteReader.of(w.toByteArray());
        for (long v : values) {
            assertThat(r.readLenencInt()).isEqualTo(v);
        }
    }

    @Test
    void fixedWidthsAndStrings() {
        PayloadWriter w = new PayloadWriter()
                .int8(0xAB)
                .int16(0x1234)
                .int32(0xFFFFFFFEL)
                .nulString("ab")
                .lenencBytes(new byte[] {9})
                .int8Bytes(new byte[] {7, 8})
                .zeros(2)
                .eofString("z");
        assertThat(hex(w)).isEqualTo("ab" + "3412" + "feffffff" + "616200" + "0109" + "020708" + "0000" + "7a");
        assertThatThrownBy(() -> new PayloadWriter().int8Bytes(new byte[256])).hasMessageContaining("255");
    }

    private static String hex(PayloadWriter w) {
        return HexFormat.of().formatHex(w.toByteArray());
    }
}
