package org.mysqlreplication.jsonl;

import org.mysqlreplication.value.ColumnType;
import org.mysqlreplication.value.InvalidColumnValueException;

/**
 * A GEOMETRY column value as WKT text. MySQL and MariaDB store a geometry as a 4-byte little-endian SRID followed
 * by the OGC WKB of the geometry (OGC 06-103r4, Simple Feature Access part 1, section 8.2): a byte order byte (0 big
 * endian, 1 little endian), a uint32 type (1 Point, 2 LineString, 3 Polygon, 4 MultiPoint, 5 MultiLineString,
 * 6 MultiPolygon, 7 GeometryCollection), then for a point two doubles, for a line string a count and its points,
 * for a polygon a count of rings each a count and its points, and for the others a count and as many whole WKB
 * geometries (each with its own byte order and type).
 *
 * <p>The text is MariaDB's {@code ST_AsText}: {@code POINT(1 2)}, {@code LINESTRING(0 0,1 1)},
 * {@code POLYGON((0 0,1 0,1 1,0 0))}, {@code MULTIPOINT(1 1,2 2)}, {@code MULTILINESTRING((0 0,1 1),(2 2,3 3))},
 * {@code MULTIPOLYGON(((...)))}, {@code GEOMETRYCOLLECTION(POINT(1 1),LINESTRING(0 0,1 1))}, with an empty
 * collection as {@code GEOMETRYCOLLECTION EMPTY}; whole coordinates without a fraction, others as the shortest
 * decimal that reads back. The SRID is not part of WKT.
 *
 * <p>Stateless and thread-safe.
 */
final class Wkt {

    private static final String[] NAMES = {
        null, "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION"
    };
    /** Nesting deeper than this is no real geometry: a guard against a stack overflow on crafted bytes. */
    private static final int MAX_DEPTH = 64;

    private final byte[] b;
    private final int end;
    private int pos;
    private boolean little;

    private Wkt(byte[] b, int offset, int length) {
        this.b = b;
        this.pos = offset;
        this.end = offset + length;
    }

    /**
     * Appends the WKT of the geometry value in {@code b[offset, offset + length)} (SRID and WKB).
     *
     * @throws InvalidColumnValueException when the bytes break the WKB layout (the message gives the offset)
     */
    static void append(StringBuilder sb, byte[] b, int offset, int length) {
        Wkt w = new Wkt(b, offset, length);
        w.need(4);
        w.pos += 4; // SRID
        w.geometry(sb, 0, 0);
        if (w.pos != w.end) {
            throw w.broken((w.end - w.pos) + " byte(s) left over after the geometry");
        }
    }

    /** Writes one WKB geometry; {@code within} is the type of the collection it is in (0 at the top). */
    private void geometry(StringBuilder sb, int within, int depth) {
        if (depth > MAX_DEPTH) {
            throw broken("geometries nested deeper than " + MAX_DEPTH);
        }
        need(5);
        int order = b[pos++];
        if (order != 0 && order != 1) {
            throw broken("byte order must be 0 or 1, found " + order);
        }
        little = order == 1;
        long type = uint32();
        if (type < 1 || type > 7) {
            throw broken("geometry type must be 1..7, found " + type);
        }
        int t = (int) type;
        boolean bare = within == 4 && t == 1 || within == 5 && t == 2 || within == 6 && t == 3;
        if (!bare) {
            sb.append(NAMES[t]);
        }
        switch (t) {
            case 1 -> {
                if (bare) {
                    point(sb);
                } else {
                    sb.append('(');
                    point(sb);
                    sb.append(')');
                }
            }
            case 2 -> points(sb);
            case 3 -> rings(sb);
            default -> collection(sb, t, depth);
        }
    }

    private void collection(StringBuilder sb, int type, int depth) {
        long n = count(5);
        if (n == 0) {
            sb.append(" EMPTY");
            return;
        }
        sb.append('(');
        for (long i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            geometry(sb, type, depth + 1);
        }
        sb.append(')');
    }

    private void rings(StringBuilder sb) {
        long n = count(4);
        sb.append('(');
        for (long i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            points(sb);
        }
        sb.append(')');
    }

    private void points(StringBuilder sb) {
        long n = count(16);
        sb.append('(');
        for (long i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            point(sb);
        }
        sb.append(')');
    }

    private void point(StringBuilder sb) {
        coordinate(sb, float64());
        sb.append(' ');
        coordinate(sb, float64());
    }

    private static void coordinate(StringBuilder sb, double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            sb.append((long) d);
        } else {
            ShortestDecimal.append(sb, d);
        }
    }

    /** A uint32 count of items each at least {@code minItemSize} bytes, checked against the bytes left. */
    private long count(int minItemSize) {
        long n = uint32();
        if (n * minItemSize > end - pos) {
            throw broken("count " + n + " needs at least " + n * minItemSize + " bytes, " + (end - pos) + " left");
        }
        return n;
    }

    private long uint32() {
        need(4);
        long v = little
                ? (b[pos] & 0xFFL) | (b[pos + 1] & 0xFFL) << 8 | (b[pos + 2] & 0xFFL) << 16 | (b[pos + 3] & 0xFFL) << 24
                : (b[pos + 3] & 0xFFL)
                        | (b[pos + 2] & 0xFFL) << 8
                        | (b[pos + 1] & 0xFFL) << 16
                        | (b[pos] & 0xFFL) << 24;
        pos += 4;
        return v;
    }

    private double float64() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int at = little ? pos + 7 - i : pos + i;
            v = v << 8 | (b[at] & 0xFFL);
        }
        pos += 8;
        return Double.longBitsToDouble(v);
    }

    private void need(int n) {
        if (end - pos < n) {
            throw broken(n + " byte(s) needed, " + (end - pos) + " left");
        }
    }

    private InvalidColumnValueException broken(String problem) {
        return new InvalidColumnValueException(ColumnType.GEOMETRY, "WKB at offset " + pos + ": " + problem);
    }
}
