package org.mysqlreplication.event.decode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mysqlreplication.event.TableMapOptionalMetadata;
import org.mysqlreplication.event.TableMapOptionalMetadata.KeyPart;
import org.mysqlreplication.event.TableMapOptionalMetadata.RawField;
import org.mysqlreplication.io.ByteReader;

/**
 * The optional metadata of a TABLE_MAP_EVENT: fields of type (1), length (length-encoded), value, to the end of
 * the body ({@code Table_map_event::Optional_metadata_field_type} in MySQL's {@code rows_event.h}; MariaDB 10.5+
 * writes the same). Bitmaps are most significant bit first. Strings are decoded as UTF-8. Unknown field types
 * are kept raw (their length lets us pass them).
 */
final class OptionalMetadataDecoder {

    private OptionalMetadataDecoder() {}

    static TableMapOptionalMetadata decode(ByteReader body) {
        BitSet signedness = null;
        BitSet visibility = null;
        Integer defaultCharset = null;
        Integer enumSetDefaultCharset = null;
        Map<Integer, Integer> overrides = Map.of();
        Map<Integer, Integer> enumSetOverrides = Map.of();
        List<Integer> columnCharsets = List.of();
        List<Integer> enumSetColumnCharsets = List.of();
        List<String> names = List.of();
        List<List<String>> setValues = List.of();
        List<List<String>> enumValues = List.of();
        List<Integer> geometry = List.of();
        List<Integer> simplePk = List.of();
        List<KeyPart> prefixPk = List.of();
        List<Integer> vector = List.of();
        List<RawField> unknown = new ArrayList<>();
        while (body.hasRemaining()) {
            int type = body.readUint8();
            ByteReader v = body.slice(body.readLenencLength());
            switch (type) {
                case 1 -> signedness = msbFirstBitmap(v);
                case 2 -> {
                    defaultCharset = (int) v.readLenencInt();
                    overrides = pairs(v);
                }
                case 3 -> columnCharsets = ints(v);
                case 4 -> names = strings(v);
                case 5 -> setValues = labelLists(v);
                case 6 -> enumValues = labelLists(v);
                case 7 -> geometry = ints(v);
                case 8 -> simplePk = ints(v);
                case 9 -> prefixPk = keyParts(v);
                case 10 -> {
                    enumSetDefaultCharset = (int) v.readLenencInt();
                    enumSetOverrides = pairs(v);
                }
                case 11 -> enumSetColumnCharsets = ints(v);
                case 12 -> visibility = msbFirstBitmap(v);
                case 13 -> vector = ints(v);
                default -> unknown.add(new RawField(type, v.readRemainingBytes()));
            }
            if (v.hasRemaining()) {
                throw new BodyFormatException(
                        "optional metadata field " + type + " has " + v.remaining() + " byte(s) left over");
            }
        }
        return new TableMapOptionalMetadata(
                signedness,
                defaultCharset,
                overrides,
                columnCharsets,
                names,
                setValues,
                enumValues,
                geometry,
                simplePk,
                prefixPk,
                enumSetDefaultCharset,
                enumSetOverrides,
                enumSetColumnCharsets,
                visibility,
                vector,
                unknown);
    }

    private static BitSet msbFirstBitmap(ByteReader v) {
        BitSet bits = new BitSet();
        for (int i = 0; v.hasRemaining(); i++) {
            int b = v.readUint8();
            for (int j = 0; j < 8; j++) {
                if ((b & (0x80 >>> j)) != 0) {
                    bits.set(i * 8 + j);
                }
            }
        }
        return bits;
    }

    private static List<Integer> ints(ByteReader v) {
        List<Integer> out = new ArrayList<>();
        while (v.hasRemaining()) {
            out.add((int) v.readLenencInt());
        }
        return out;
    }

    private static Map<Integer, Integer> pairs(ByteReader v) {
        Map<Integer, Integer> out = new HashMap<>();
        while (v.hasRemaining()) {
            int column = (int) v.readLenencInt();
            out.put(column, (int) v.readLenencInt());
        }
        return out;
    }

    private static List<KeyPart> keyParts(ByteReader v) {
        List<KeyPart> out = new ArrayList<>();
        while (v.hasRemaining()) {
            int column = (int) v.readLenencInt();
            out.add(new KeyPart(column, (int) v.readLenencInt()));
        }
        return out;
    }

    private static List<String> strings(ByteReader v) {
        List<String> out = new ArrayList<>();
        while (v.hasRemaining()) {
            out.add(v.readLenencString(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<List<String>> labelLists(ByteReader v) {
        List<List<String>> out = new ArrayList<>();
        while (v.hasRemaining()) {
            int n = v.readLenencCount(v.remaining()); // each label has at least its length byte
            List<String> labels = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                labels.add(v.readLenencString(StandardCharsets.UTF_8));
            }
            out.add(labels);
        }
        return out;
    }
}
