package org.mysqlreplication.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mysqlreplication.value.Bytes.reader;

import org.junit.jupiter.api.Test;
import org.mysqlreplication.io.ByteReader;

class ColumnMetadataTest {

    @Test
    void readsEachTypesMetadataWidthAndPacking() {
        // Written as servers write them (Field::do_save_field_metadata):
        // INT: none | DOUBLE: 08 | VARCHAR(300 bytes): 2C 01 (LE) | NEWDECIMAL(10,2): 0A 02 |
        // BIT(10): 02 01 (10 % 8 = 2, 10 / 8 = 1) | CHAR ENUM pack 1: F7 01 | BLOB: 02 | DATETIME2(3): 03 |
        // CHAR(10) latin1: FE 0A | DATE: none
        ColumnType[] types = {
            ColumnType.LONG,
            ColumnType.DOUBLE,
            ColumnType.VARCHAR,
            ColumnType.NEWDECIMAL,
            ColumnType.BIT,
            ColumnType.STRING,
            ColumnType.BLOB,
            ColumnType.DATETIME2,
            ColumnType.STRING,
            ColumnType.DATE
        };
        ByteReader in = reader("08 2C01 0A02 0201 F701 02 03 FE0A");
        int[] meta = ColumnMetadata.read(in, types);
        assertThat(in.remaining()).isZero();
        assertThat(meta).containsExactly(0, 8, 300, 0x0A02, 0x0102, 0xF701, 2, 3, 0xFE0A, 0);
        assertThat(ColumnMetadata.decimalPrecision(meta[3])).isEqualTo(10);
        assertThat(ColumnMetadata.decimalScale(meta[3])).isEqualTo(2);
        assertThat(ColumnMetadata.bitLength(meta[4])).isEqualTo(10);
        assertThat(ColumnMetadata.realType(ColumnType.STRING, meta[5])).isEqualTo(ColumnType.ENUM);
        assertThat(ColumnMetadata.stringMaxLength(meta[5])).isEqualTo(1);
        assertThat(ColumnMetadata.realType(ColumnType.STRING, meta[8])).isEqualTo(ColumnType.STRING);
        assertThat(ColumnMetadata.stringMaxLength(meta[8])).isEqualTo(10);
        assertThat(ColumnMetadata.realType(ColumnType.LONG, 0)).isEqualTo(ColumnType.LONG);
    }

    @Test
    void longCharKeepsLengthBitsInTheTypeByte() {
        // CHAR(100) utf8mb4 = 400 = 0x190 bytes. Field_string writes byte0 = 254 ^ ((0x190 & 0x300) >> 4)
        // = 0xFE ^ 0x10 = 0xEE and byte1 = 0x90.
        int meta = ColumnMetadata.read(reader("EE 90"), new ColumnType[] {ColumnType.STRING})[0];
        assertThat(ColumnMetadata.realType(ColumnType.STRING, meta)).isEqualTo(ColumnType.STRING);
        assertThat(ColumnMetadata.stringMaxLength(meta)).isEqualTo(400);
        // CHAR(255) utf8mb4 = 1020 = 0x3FC: byte0 = 0xFE ^ 0x30 = 0xCE, byte1 = 0xFC.
        assertThat(ColumnMetadata.stringMaxLength(0xCEFC)).isEqualTo(1020);
        assertThat(ColumnMetadata.realType(ColumnType.STRING, 0xCEFC)).isEqualTo(ColumnType.STRING);
        // SET with pack length 8
        assertThat(ColumnMetadata.realType(ColumnType.STRING, 0xF808)).isEqualTo(ColumnType.SET);
        assertThat(ColumnMetadata.stringMaxLength(0xF808)).isEqualTo(8);
    }

    @Test
    void temporalJsonGeometryAndVectorTakeOneByte() {
        ColumnType[] types = {
            ColumnType.TIME2,
            ColumnType.TIMESTAMP2,
            ColumnType.JSON,
            ColumnType.GEOMETRY,
            ColumnType.VECTOR,
            ColumnType.FLOAT,
            ColumnType.TIMESTAMP,
            ColumnType.YEAR
        };
        ByteReader in = reader("02 06 04 04 04 04");
        assertThat(ColumnMetadata.read(in, types)).containsExactly(2, 6, 4, 4, 4, 4, 0, 0);
        assertThat(in.remaining()).isZero();
    }

    @Test
    void unknownMetadataSizeIsATypedError() {
        assertThatThrownBy(() -> ColumnMetadata.read(reader("00"), new ColumnType[] {ColumnType.TYPED_ARRAY}))
                .isInstanceOf(UnsupportedColumnTypeException.class)
                .hasMessageContaining("TYPED_ARRAY");
    }

    @Test
    void badRealTypeByteIsRejected() {
        // real type byte 0x3F resolves to 0x3F (not a string type)
        assertThatThrownBy(() -> ColumnMetadata.realType(ColumnType.STRING, 0x3F01))
                .isInstanceOf(InvalidColumnValueException.class);
    }
}
