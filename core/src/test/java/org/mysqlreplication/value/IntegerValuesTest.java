package org.mysqlreplication.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.value.Bytes.decodeAll;
import static org.mysqlreplication.value.Bytes.def;
import static org.mysqlreplication.value.Bytes.unsigned;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class IntegerValuesTest {

    @Test
    void signedIntegersAreLittleEndianTwosComplement() {
        assertThat(decodeAll("FF", def(ColumnType.TINY, 0))).isEqualTo(-1);
        assertThat(decodeAll("80", def(ColumnType.TINY, 0))).isEqualTo(-128);
        assertThat(decodeAll("0080", def(ColumnType.SHORT, 0))).isEqualTo(-32768);
        assertThat(decodeAll("FFFF7F", def(ColumnType.INT24, 0))).isEqualTo(8388607);
        assertThat(decodeAll("000080", def(ColumnType.INT24, 0))).isEqualTo(-8388608);
        assertThat(decodeAll("00000080", def(ColumnType.LONG, 0))).isEqualTo(Integer.MIN_VALUE);
        assertThat(decodeAll("0000000000000080", def(ColumnType.LONGLONG, 0))).isEqualTo(Long.MIN_VALUE);
        assertThat(decodeAll("0100000000000000", def(ColumnType.LONGLONG, 0))).isEqualTo(1L);
    }

    @Test
    void unsignedIntegersWidenSoTheValueIsExact() {
        assertThat(decodeAll("FF", unsigned(ColumnType.TINY))).isEqualTo(255);
        assertThat(decodeAll("FFFF", unsigned(ColumnType.SHORT))).isEqualTo(65535);
        assertThat(decodeAll("FFFFFF", unsigned(ColumnType.INT24))).isEqualTo(16777215);
        assertThat(decodeAll("FFFFFFFF", unsigned(ColumnType.LONG))).isEqualTo(4294967295L);
        assertThat(decodeAll("FFFFFFFFFFFFFF7F", unsigned(ColumnType.LONGLONG))).isEqualTo(Long.MAX_VALUE);
        assertThat(decodeAll("FFFFFFFFFFFFFFFF", unsigned(ColumnType.LONGLONG)))
                .isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(decodeAll("0000000000000080", unsigned(ColumnType.LONGLONG)))
                .isEqualTo(new BigInteger("9223372036854775808"));
    }

    @Test
    void yearIsOffsetFrom1900WithZeroKept() {
        assertThat(decodeAll("00", def(ColumnType.YEAR, 0))).isEqualTo(0);
        assertThat(decodeAll("01", def(ColumnType.YEAR, 0))).isEqualTo(1901);
        assertThat(decodeAll("FF", def(ColumnType.YEAR, 0))).isEqualTo(2155);
        assertThat(decodeAll("7A", def(ColumnType.YEAR, 0))).isEqualTo(2022);
    }

    @Test
    void floatAndDoubleAreLittleEndianIeee754() {
        // 1.5f = 0x3FC00000; -2.25 = 0xC002000000000000
        assertThat(decodeAll("0000C03F", def(ColumnType.FLOAT, 4))).isEqualTo(1.5f);
        assertThat(decodeAll("00000000000002C0", def(ColumnType.DOUBLE, 8))).isEqualTo(-2.25d);
    }
}
