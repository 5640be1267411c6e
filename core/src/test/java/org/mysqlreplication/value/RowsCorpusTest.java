package org.mysqlreplication.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.io.ByteReader;

/**
 * Decodes every row of the WRITE/UPDATE/DELETE_ROWS events (v1 and v2) of the real binlog fixtures with
 * {@link ValueDecoder}, knowing only what TABLE_MAP says (type and metadata; strings as bytes), and checks
 * that each event's rows end exactly where its body ends (before the CRC32 when the file has one). A wrong
 * width for any type in any row would leave bytes over or run past the end. Every value's size by
 * {@link ValueLengths} (what lazy rows delimit values with) must equal what {@link ValueDecoder} consumed.
 *
 * <p>Left out: tables with TIME/DATETIME/TIMESTAMP columns in binlogs of MariaDB 5.3 to 10.0, which write
 * fractional seconds in their own format under the old type codes without metadata, so the values cannot
 * be delimited from TABLE_MAP alone (the tiflow fixture's TIMESTAMP values are 4, 5 and 6 bytes long; with
 * the precision from its DDL, {@link MariadbHiresTemporalValuesTest} decodes them).
 */
class RowsCorpusTest {

    @Test
    void everyRowOfEveryRowsEventDecodesToTheExactEnd() {
        assumeTrue(FixtureBinlogs.present(), "fixture folder absent");
        Map<String, Map<Long, ColumnDef[]>> tablesByFile = new HashMap<>();
        int[] counts = new int[2];
        FixtureBinlogs.forEachEvent(e -> {
            Map<Long, ColumnDef[]> tables =
                    tablesByFile.computeIfAbsent(e.file().toString(), k -> new HashMap<>());
            if (e.type() == 19) {
                FixtureBinlogs.TableMap map = FixtureBinlogs.TableMap.read(e.body(), e.postHeader());
                ColumnDef[] defs = new ColumnDef[map.types().length];
                for (int i = 0; i < defs.length; i++) {
                    defs[i] = new ColumnDef(
                            map.types()[i], map.meta()[i], false, ColumnDef.BINARY_COLLATION, List.of(), List.of());
                }
                tables.put(map.tableId(), defs);
            } else if (e.type() >= 23 && e.type() <= 25 || e.type() >= 30 && e.type() <= 32) {
                counts[0]++;
                counts[1] += rows(e, tables);
            }
        });
        System.out.println("rows events: " + counts[0] + ", non-NULL values decoded: " + counts[1]);
        assertThat(counts[0]).as("rows events").isGreaterThan(1000);
        assertThat(counts[1]).as("values").isGreaterThan(100_000);
    }

    private static int rows(FixtureBinlogs.Event e, Map<Long, ColumnDef[]> tables) {
        ByteReader in = e.body();
        long id = in.readUintN(e.postHeader() == 6 ? 4 : 6);
        in.skip(2); // flags
        if (e.postHeader() == 10) {
            in.skip(in.readUint16() - 2); // v2 extra data, its length includes itself
        }
        ColumnDef[] defs = tables.get(id);
        assertThat(defs).as("%s: table id %d mapped", e.where(), id).isNotNull();
        if (mariadbOwnTemporalFormat(e.serverVersion(), defs)) {
            return 0;
        }
        int n = (int) in.readLenencInt();
        BitSet before = in.readBitmap(n);
        before.clear(n, Integer.MAX_VALUE); // servers may set the unused high bits of the last byte
        boolean update = e.type() == 24 || e.type() == 31;
        BitSet after = update ? in.readBitmap(n) : before;
        after.clear(n, Integer.MAX_VALUE);
        int values = 0;
        while (in.remaining() > e.checksumLength()) {
            try {
                values += image(in, defs, before);
                if (update) {
                    values += image(in, defs, after);
                }
            } catch (AssertionError | RuntimeException x) {
                throw new AssertionError(e.where() + " type " + e.type() + ": " + x.getMessage(), x);
            }
        }
        assertThat(in.remaining()).as("%s: bytes after the last row", e.where()).isEqualTo(e.checksumLength());
        return values;
    }

    private static boolean mariadbOwnTemporalFormat(String version, ColumnDef[] defs) {
        int[] v = FixtureBinlogs.version(version);
        if (!version.contains("MariaDB") || v[0] > 10 || v[0] == 10 && v[1] >= 1) {
            return false;
        }
        for (ColumnDef d : defs) {
            if (d.type() == ColumnType.TIME || d.type() == ColumnType.DATETIME || d.type() == ColumnType.TIMESTAMP) {
                return true;
            }
        }
        return false;
    }

    private static int image(ByteReader in, ColumnDef[] defs, BitSet present) {
        BitSet nulls = in.readBitmap(present.cardinality());
        int values = 0;
        int k = 0;
        for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
            if (!nulls.get(k++)) {
                try {
                    ByteReader sized = ByteReader.of(in.array(), in.arrayOffset(), in.remaining());
                    int fixed = ValueLengths.fixed(defs[i]);
                    if (fixed >= 0) {
                        sized.skip(fixed);
                    } else {
                        ValueLengths.skipVariable(sized, defs[i]);
                    }
                    ValueDecoder.decode(in, defs[i]);
                    assertThat(sized.arrayOffset())
                            .as("end of the value by ValueLengths and by ValueDecoder")
                            .isEqualTo(in.arrayOffset());
                } catch (RuntimeException x) {
                    throw new AssertionError(
                            "column " + i + " " + defs[i].type() + " meta 0x" + Integer.toHexString(defs[i].meta())
                                    + ": " + x.getMessage(),
                            x);
                }
                values++;
            }
        }
        return values;
    }
}
