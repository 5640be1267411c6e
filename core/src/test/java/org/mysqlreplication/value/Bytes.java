package org.mysqlreplication.value;

import java.util.HexFormat;
import java.util.List;
import org.mysqlreplication.io.ByteReader;

/** Test helpers: hex to bytes, column definitions, decoding that must consume everything. */
final class Bytes {

    private Bytes() {}

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static ByteReader reader(String hex) {
        return ByteReader.of(hex(hex));
    }

    static ColumnDef def(ColumnType type, int meta) {
        return ColumnDef.of(type, meta);
    }

    static ColumnDef unsigned(ColumnType type) {
        return new ColumnDef(type, 0, true, ColumnDef.UNKNOWN_COLLATION, List.of(), List.of());
    }

    static ColumnDef withCollation(ColumnType type, int meta, int collation) {
        return new ColumnDef(type, meta, false, collation, List.of(), List.of());
    }

    /** Decodes the whole input as one value and checks that nothing is left. */
    static Object decodeAll(String hex, ColumnDef def) {
        return decodeAll(hex(hex), def);
    }

    static Object decodeAll(byte[] bytes, ColumnDef def) {
        ByteReader in = ByteReader.of(bytes);
        Object v = ValueDecoder.decode(in, def);
        if (in.remaining() != 0) {
            throw new AssertionError(in.remaining() + " byte(s) left after decoding " + def.type());
        }
        return v;
    }
}
