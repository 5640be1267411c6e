package org.mysqlreplication.value;

import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mysqlreplication.io.ByteReader;

/**
 * BIT, ENUM and SET values.
 * <ul>
 * <li>BIT(n), metadata {@code bytes << 8 | bits % 8}: {@code (n + 7) / 8} bytes, big-endian. A
 *     {@link BitSet} where bit i is the bit of weight 2^i (so {@code b'100'} has only bit 2 set).</li>
 * <li>ENUM: the 1-based index, little-endian, in the pack length of its metadata (1 or 2 bytes). With labels
 *     known: the label as {@link String}, {@code ""} for index 0 (the value MySQL stores for an invalid
 *     input); without: the {@link Integer} index.</li>
 * <li>SET: a little-endian bitmask in the pack length of its metadata (1..8 bytes), bit i = label i. With
 *     labels known: an unmodifiable {@code Set<String>} in column order; without: the {@link Long} bitmask.</li>
 * </ul>
 * An index or bit beyond the known labels raises {@link InvalidColumnValueException}: the labels do not
 * belong to the row (a schema that changed since the row was written).
 *
 * <p>Stateless and thread-safe.
 */
final class BitEnumSetValues {

    private BitEnumSetValues() {}

    /** Bytes a BIT value of the column takes, its metadata checked. */
    static int bitSize(ColumnDef def) {
        int partial = def.meta() & 0xFF;
        int bits = ColumnMetadata.bitLength(def.meta());
        if (partial > 7 || bits < 1 || bits > 64) {
            throw new InvalidColumnValueException(
                    ColumnType.BIT,
                    "metadata must give 1..64 bits with at most 7 in " + "the partial byte, found " + bits + " bits, "
                            + partial + " partial");
        }
        return (bits + 7) / 8;
    }

    /** Bytes an ENUM value of the column takes (its pack length), checked to be 1 or 2. */
    static int enumSize(ColumnDef def) {
        int packLength = ColumnMetadata.stringMaxLength(def.meta());
        if (packLength != 1 && packLength != 2) {
            throw new InvalidColumnValueException(ColumnType.ENUM, "pack length must be 1 or 2, found " + packLength);
        }
        return packLength;
    }

    /** Bytes a SET value of the column takes (its pack length), checked to be 1..8. */
    static int setSize(ColumnDef def) {
        int packLength = ColumnMetadata.stringMaxLength(def.meta());
        if (packLength < 1 || packLength > 8) {
            throw new InvalidColumnValueException(ColumnType.SET, "pack length must be 1..8, found " + packLength);
        }
        return packLength;
    }

    static BitSet bit(ByteReader in, ColumnDef def) {
        byte[] bigEndian = in.readBytes(bitSize(def));
        byte[] littleEndian = new byte[bigEndian.length];
        for (int i = 0; i < bigEndian.length; i++) {
            littleEndian[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return BitSet.valueOf(littleEndian);
    }

    static Object enumValue(ByteReader in, ColumnDef def) {
        int index = (int) in.readUintN(enumSize(def));
        List<String> labels = def.enumValues();
        if (labels.isEmpty()) {
            return index;
        }
        if (index == 0) {
            return "";
        }
        if (index > labels.size()) {
            throw new InvalidColumnValueException(
                    ColumnType.ENUM, "index exceeds the " + labels.size() + " known labels");
        }
        return labels.get(index - 1);
    }

    static Object setValue(ByteReader in, ColumnDef def) {
        long mask = in.readUintN(setSize(def));
        List<String> labels = def.setValues();
        if (labels.isEmpty()) {
            return mask;
        }
        if (labels.size() < 64 && (mask >>> labels.size()) != 0) {
            throw new InvalidColumnValueException(
                    ColumnType.SET, "bits set beyond the " + labels.size() + " known labels");
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            if ((mask >>> i & 1) != 0) {
                out.add(labels.get(i));
            }
        }
        return Collections.unmodifiableSet(out);
    }
}
