package org.mysqlreplication.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.value.InvalidColumnValueException;

/**
 * WKB to WKT. The points are the documented examples: MariaDB's "Well-Known Binary (WKB) Format" page (big endian
 * {@code 000000000140000000000000004010000000000000} is POINT(2 4)) and MySQL's "Well-Known Binary (WKB) Format"
 * section ({@code 0101000000000000000000F03F000000000000F0BF} is POINT(1 -1)); the other shapes are laid out byte
 * by byte after the OGC layout, each behind a 4-byte SRID as the servers store them. The IT compares the servers'
 * own {@code ST_AsText} for every subtype.
 */
class WktTest {

    private static final String SRID = "E6100000"; // 4326, little endian

    @Test
    void documentedPoints() {
        assertThat(wkt(SRID + "000000000140000000000000004010000000000000")).isEqualTo("POINT(2 4)");
        assertThat(wkt("00000000" + "0101000000000000000000F03F000000000000F0BF"))
                .isEqualTo("POINT(1 -1)");
    }

    @Test
    void lineStringsAndPolygons() {
        String line = "01" + "02000000" + "02000000" + pt(0, 0) + pt(1.5, -2);
        assertThat(wkt(SRID + line)).isEqualTo("LINESTRING(0 0,1.5 -2)");
        String ring = "04000000" + pt(0, 0) + pt(10, 0) + pt(10, 10) + pt(0, 0);
        String hole = "04000000" + pt(1, 1) + pt(2, 1) + pt(2, 2) + pt(1, 1);
        assertThat(wkt(SRID + "01" + "03000000" + "02000000" + ring + hole))
                .isEqualTo("POLYGON((0 0,10 0,10 10,0 0),(1 1,2 1,2 2,1 1))");
    }

    @Test
    void multiGeometriesAndCollections() {
        String p1 = "01" + "01000000" + pt(1, 1);
        String p2 = "01" + "01000000" + pt(2, 2);
        assertThat(wkt(SRID + "01" + "04000000" + "02000000" + p1 + p2)).isEqualTo("MULTIPOINT(1 1,2 2)");
        String l1 = "01" + "02000000" + "02000000" + pt(0, 0) + pt(1, 1);
        String l2 = "01" + "02000000" + "02000000" + pt(2, 2) + pt(3, 3);
        assertThat(wkt(SRID + "01" + "05000000" + "02000000" + l1 + l2))
                .isEqualTo("MULTILINESTRING((0 0,1 1),(2 2,3 3))");
        String poly = "01" + "03000000" + "01000000" + "04000000" + pt(0, 0) + pt(1, 0) + pt(1, 1) + pt(0, 0);
        assertThat(wkt(SRID + "01" + "06000000" + "01000000" + poly)).isEqualTo("MULTIPOLYGON(((0 0,1 0,1 1,0 0)))");
        String inner = "01" + "07000000" + "00000000";
        assertThat(wkt(SRID + "01" + "07000000" + "03000000" + p1 + l1 + inner))
                .isEqualTo("GEOMETRYCOLLECTION(POINT(1 1),LINESTRING(0 0,1 1),GEOMETRYCOLLECTION EMPTY)");
        assertThat(wkt(SRID + inner)).isEqualTo("GEOMETRYCOLLECTION EMPTY");
    }

    @Test
    void brokenBytesAreATypedErrorWithTheOffset() {
        assertThatThrownBy(() -> wkt(SRID + "01" + "09000000"))
                .isInstanceOf(InvalidColumnValueException.class)
                .hasMessageContaining("geometry type must be 1..7, found 9");
        assertThatThrownBy(() -> wkt(SRID + "01" + "02000000" + "FFFFFF7F" + pt(0, 0)))
                .isInstanceOf(InvalidColumnValueException.class)
                .hasMessageContaining("offset 13");
        assertThatThrownBy(() -> wkt(SRID + "01" + "01000000" + pt(0, 0) + "00"))
                .hasMessageContaining("left over");
        assertThatThrownBy(() -> wkt("E610")).hasMessageContaining("4 byte(s) needed, 2 left");
    }

    /** A little-endian point. */
    private static String pt(double x, double y) {
        return le(x) + le(y);
    }

    private static String le(double d) {
        long bits = Double.doubleToRawLongBits(d);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            s.append(String.format("%02X", (bits >>> (8 * i)) & 0xFF));
        }
        return s.toString();
    }

    private static String wkt(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        StringBuilder sb = new StringBuilder();
        Wkt.append(sb, b, 0, b.length);
        return sb.toString();
    }
}
