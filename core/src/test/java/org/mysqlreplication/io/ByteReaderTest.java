package org.mysqlreplication.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteReaderTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void readsLittleEndianFixedWidths() {
        ByteReader r = ByteReader.of(bytes(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0xFF, 0xFF, 0xFF));
        assertThat(r.readUint16()).isEqualTo(0x0201);
        assertThat(r.readUint24()).isEqualTo(0x050403);
        assertThat(r.readUint8()).isEqualTo(0x06);
        assertThat(r.readInt24()).isEqualTo(-1);
        assertThat(r.hasRemaining()).isFalse();
    }

    @Test
    void readsUnsigned32And64WithoutSignLoss() {
        ByteReader r = ByteReader.of(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF));
        assertThat(r.readUint32()).isEqualTo(4294967295L);
        assertThat(Long.toUnsignedString(r.readInt64())).isEqualTo("18446744073709551615");
    }

    @Test
    void readsBigEndian() {
        assertThat(ByteReader.of(bytes(0x80, 0x00, 0x01)).readUintBE(3)).isEqualTo(0x800001L);
    }

    /** Examples from the MySQL protocol documentation's "Length-Encoded Integer" table. */
    @Test
    void readsLengthEncodedIntegers() {
        assertThat(ByteReader.of(bytes(0xFA)).readLenencInt()).isEqualTo(250);
        assertThat(ByteReader.of(bytes(0xFC, 0xFB, 0x00)).readLenencInt()).isEqualTo(251);
        assertThat(ByteReader.of(bytes(0xFD, 0x00, 0x00, 0x01)).readLenencInt()).isEqualTo(65536);
        assertThat(ByteReader.of(bytes(0xFE, 0, 0, 0, 1, 0, 0, 0, 0)).readLenencInt())
                .isEqualTo(1L << 24);
    }

    @Test
    void overrunSaysOffsetNeededAndAvailable() {
        ByteReader r = ByteReader.of(bytes(1, 2, 3));
        r.readUint8();
        assertThatThrownBy(r::readInt32)
                .isInstanceOf(ByteReaderOverrunException.class)
                .hasMessage("read past the end: at offset 1 needed 4 byte(s), 2 available");
    }

    @Test
    void lengthLargerThanInputIsRejectedBeforeAllocating() {
        ByteReader r = ByteReader.of(bytes(0xFE, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0, 'a'));
        assertThatThrownBy(() -> r.readLenencString(java.nio.charset.StandardCharsets.UTF_8))
                .isInstanceOf(ByteReaderOverrunException.class);
    }

    @Test
    void sliceIsBoundedAndAdvancesParent() {
        ByteReader r = ByteReader.of(bytes('a', 'b', 0, 'c', 'd'));
        ByteReader s = r.slice(3);
        assertThat(s.readNulTerminatedString()).isEqualTo("ab");
        assertThat(s.hasRemaining()).isFalse();
        assertThat(r.readString(2)).isEqualTo("cd");
    }
}
