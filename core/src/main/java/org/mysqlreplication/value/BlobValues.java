package org.mysqlreplication.value;

import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.value.json.MysqlJson;

/**
 * Length-prefixed values whose TABLE_MAP metadata is the width (1..4 bytes, little-endian) of the length
 * prefix: the BLOB/TEXT family (TINY_BLOB, BLOB, MEDIUM_BLOB, LONG_BLOB; the binlog writes them all as
 * BLOB), GEOMETRY, JSON and MySQL 9's VECTOR.
 *
 * <p>Results: BLOB/TEXT gives {@code byte[]} when the collation is binary (63) or unknown (-1), a
 * {@link String} in the collation's charset otherwise (a TEXT column whose collation is known). GEOMETRY gives
 * {@code byte[]}: the 4-byte little-endian SRID followed by the WKB, as stored. JSON (MySQL's binary JSON)
 * gives a {@link MysqlJson}: the JSON text as MySQL prints it, and the stored bytes (MariaDB never writes this
 * type: its JSON is a LONGTEXT and arrives as BLOB). VECTOR gives {@code float[]} (little-endian IEEE 754
 * floats).
 *
 * <p>Stateless and thread-safe.
 */
final class BlobValues {

    private BlobValues() {}

    static Object decode(ByteReader in, ColumnDef def) {
        long length = length(in, def);
        if (length > in.remaining()) {
            in.skip(length > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) length); // typed overrun
        }
        int n = (int) length;
        switch (def.type()) {
            case GEOMETRY:
                return in.readBytes(n);
            case JSON:
                return MysqlJson.read(in, n);
            case VECTOR:
                return vector(in, n);
            default:
                return StringValues.text(in, n, def, false);
        }
    }

    /** Reads the length prefix of a value. */
    static long length(ByteReader in, ColumnDef def) {
        return in.readUintN(prefixWidth(def));
    }

    /** The width of the length prefix: the column's metadata, which must be 1..4. */
    static int prefixWidth(ColumnDef def) {
        int width = def.meta();
        if (width < 1 || width > 4) {
            throw new InvalidColumnValueException(
                    def.type(), "length prefix width (metadata) must be 1..4, found " + width);
        }
        return width;
    }

    private static float[] vector(ByteReader in, int n) {
        if (n % 4 != 0) {
            throw new InvalidColumnValueException(
                    ColumnType.VECTOR, "length must be a multiple of 4 bytes, found " + n);
        }
        float[] out = new float[n / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.intBitsToFloat(in.readInt32());
        }
        return out;
    }
}
