package org.mysqlreplication.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.value.Bytes.decodeAll;
import static org.mysqlreplication.value.Bytes.def;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BitEnumSetValuesTest {

    private static ColumnDef labelled(int meta, List<String> enums, List<String> sets) {
        return new ColumnDef(ColumnType.STRING, meta, false, 45, enums, sets);
    }

    @Test
    void bitIsBigEndianWithBitZeroTheLeastSignificant() {
        // BIT(10): metadata 0x0102 (1 whole byte, 2 extra bits) -> 2 bytes; b'1000000101' = 0x0205
        BitSet v = (BitSet) decodeAll("0205", def(ColumnType.BIT, 0x0102));
        assertThat(v.stream().toArray()).containsExactly(0, 2, 9);
        // BIT(1): metadata 0x0001
        assertThat(((BitSet) decodeAll("01", def(ColumnType.BIT, 0x0001))).get(0))
                .isTrue();
        // BIT(64): metadata 0x0800, all ones
        assertThat(((BitSet) decodeAll("FFFFFFFFFFFFFFFF", def(ColumnType.BIT, 0x0800))).cardinality())
                .isEqualTo(64);
        assertThatThrownBy(() -> decodeAll("00", def(ColumnType.BIT, 0x0009)))
                .isInstanceOf(InvalidColumnValueException.class);
    }

    @Test
    void enumIsLabelOrIndex() {
        // ENUM('a','b','c') in TABLE_MAP: STRING with metadata F7 01 (real type ENUM, pack length 1)
        assertThat(decodeAll("02", def(ColumnType.STRING, 0xF701))).isEqualTo(2);
        assertThat(decodeAll("02", labelled(0xF701, List.of("a", "b", "c"), List.of())))
                .isEqualTo("b");
        assertThat(decodeAll("00", labelled(0xF701, List.of("a", "b", "c"), List.of())))
                .isEqualTo("");
        // pack length 2: little-endian index 0x0102 = 258
        assertThat(decodeAll("0201", def(ColumnType.STRING, 0xF702))).isEqualTo(258);
        assertThatThrownBy(() -> decodeAll("04", labelled(0xF701, List.of("a", "b", "c"), List.of())))
                .isInstanceOf(InvalidColumnValueException.class)
                .hasMessageContaining("3 known labels");
    }

    @Test
    void setIsLabelsInColumnOrderOrBitmask() {
        // SET('x','y','z'): STRING with metadata F8 01; 0b101 = x,z
        assertThat(decodeAll("05", def(ColumnType.STRING, 0xF801))).isEqualTo(5L);
        Object v = decodeAll("05", labelled(0xF801, List.of(), List.of("x", "y", "z")));
        assertThat(v).isInstanceOf(Set.class);
        assertThat(List.copyOf((Set<?>) v)).isEqualTo(List.of("x", "z"));
        // 8-byte SET: top bit set is bit 63
        assertThat(decodeAll("0000000000000080", def(ColumnType.STRING, 0xF808)))
                .isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> decodeAll("08", labelled(0xF801, List.of(), List.of("x", "y", "z"))))
                .isInstanceOf(InvalidColumnValueException.class);
    }

    @Test
    void nullTypeAndUnsupportedTypes() {
        assertThat(decodeAll("", def(ColumnType.NULL, 0))).isNull();
        assertThatThrownBy(() -> decodeAll("00", def(ColumnType.DECIMAL, 0)))
                .isInstanceOf(UnsupportedColumnTypeException.class)
                .hasMessageContaining("DECIMAL");
        assertThatThrownBy(() -> decodeAll("00", def(ColumnType.TYPED_ARRAY, 0)))
                .isInstanceOf(UnsupportedColumnTypeException.class)
                .hasMessageContaining("TYPED_ARRAY");
    }
}
