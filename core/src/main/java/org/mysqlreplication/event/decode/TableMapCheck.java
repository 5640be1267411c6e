package org.mysqlreplication.event.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.TableMapOptionalMetadata;
import org.mysqlreplication.schema.BinlogColumnTypes;
import org.mysqlreplication.schema.Charsets;
import org.mysqlreplication.schema.ColumnDefinition;
import org.mysqlreplication.schema.ColumnSchema;
import org.mysqlreplication.schema.SchemaMismatch;
import org.mysqlreplication.schema.SchemaMismatchException;
import org.mysqlreplication.schema.SchemaMismatchPolicy;
import org.mysqlreplication.schema.TableDefinition;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnType;

/**
 * The check every schema source must pass before its names are put on a table's rows: the definition (from the
 * schema history or {@code information_schema}) must agree with the TABLE_MAP event on the column count and on
 * each column's type and metadata (lengths, precision and scale, fractional seconds; see
 * {@link BinlogColumnTypes}), and, where the event's optional metadata says them, on signedness, character sets,
 * names, ENUM/SET values and geometry subtypes. A definition of another time of the table (before or after an
 * ALTER) almost always fails it; one that passes gives the rows their names ({@link #merge}).
 *
 * <p>Stateless and thread-safe.
 */
public final class TableMapCheck {

    private TableMapCheck() {}

    /**
     * The schema of {@code tableMap}'s rows from {@code definition}: merged when they agree; on a mismatch a
     * {@link SchemaMismatchException} ({@link SchemaMismatchPolicy#FAIL}) or, after {@code onMismatch} was told,
     * the TABLE_MAP's own schema, whose unnamed columns are {@code @1}, {@code @2}, ...
     *
     * @param source where the definition comes from, for the message
     */
    public static TableSchema resolve(
            TableMapEvent tableMap,
            TableSchema fromTableMap,
            TableDefinition definition,
            String source,
            SchemaMismatchPolicy policy,
            Consumer<SchemaMismatch> onMismatch) {
        SchemaMismatch mismatch = check(tableMap, fromTableMap, definition, source);
        if (mismatch == null) {
            return merge(tableMap, fromTableMap, definition);
        }
        if (policy == SchemaMismatchPolicy.FAIL) {
            throw new SchemaMismatchException(mismatch);
        }
        onMismatch.accept(mismatch);
        return fromTableMap; // names only where the event itself has them (binlog_row_metadata=FULL)
    }

    /**
     * How {@code definition} disagrees with the TABLE_MAP, or {@code null} when it agrees.
     *
     * @param fromTableMap what the TABLE_MAP alone says ({@link TableMapSchemaResolver})
     */
    public static SchemaMismatch check(
            TableMapEvent tableMap, TableSchema fromTableMap, TableDefinition definition, String source) {
        String table = tableMap.schema() + "." + tableMap.table();
        int n = tableMap.columnCount();
        if (definition.columns().size() != n) {
            return new SchemaMismatch(
                    table, 0, null, n + " column(s)", definition.columns().size() + " column(s)", source);
        }
        TableMapOptionalMetadata opt = tableMap.optionalMetadata();
        int[] meta = tableMap.columnMetadata();
        int geometry = 0;
        for (int i = 0; i < n; i++) {
            ColumnType type = tableMap.columnTypes().get(i);
            ColumnDefinition d = definition.columns().get(i);
            ColumnDef binlog = fromTableMap.columns().get(i).def();
            String binlogCharset = Charsets.ofCollationId(binlog.collationId());
            String charset = d.charset() != null ? d.charset() : binaryType(d) ? "binary" : null;
            int maxBytes = Charsets.maxBytes(binlogCharset != null ? binlogCharset : charset);
            String problem = null;
            if (!BinlogColumnTypes.matches(d, type, meta[i], maxBytes)) {
                problem = BinlogColumnTypes.describe(type, meta[i]);
            } else if (opt.signedness() != null && isNumeric(type) && binlog.unsigned() != d.unsigned()) {
                problem = binlog.unsigned() ? "UNSIGNED" : "SIGNED";
            } else if (binlogCharset != null
                    && charset != null
                    && (d.isText() || binaryType(d))
                    && !binlogCharset.equals(Charsets.normalize(charset))) {
                problem = "character set " + binlogCharset;
            } else if (i < opt.columnNames().size() && !opt.columnNames().get(i).equalsIgnoreCase(d.name())) {
                problem = "the name " + opt.columnNames().get(i);
            } else if (labelsDiffer(binlog, d)) {
                problem = (d.dataType().equals("enum") ? "ENUM" : "SET") + " values that differ";
            } else if (type == ColumnType.GEOMETRY
                    && geometry < opt.geometryTypes().size()
                    && !geometrySubtype(opt.geometryTypes().get(geometry), d.dataType())) {
                problem = "geometry type " + opt.geometryTypes().get(geometry);
            }
            if (type == ColumnType.GEOMETRY) {
                geometry++;
            }
            if (problem != null) {
                return new SchemaMismatch(table, i + 1, d.name(), problem, d.describe(), source);
            }
        }
        return null;
    }

    /** The TABLE_MAP's schema with the definition's names, and what it adds where the event is silent. */
    public static TableSchema merge(TableMapEvent tableMap, TableSchema fromTableMap, TableDefinition definition) {
        List<ColumnSchema> merged = new ArrayList<>(tableMap.columnCount());
        for (int i = 0; i < tableMap.columnCount(); i++) {
            ColumnSchema base = fromTableMap.columns().get(i);
            ColumnDef b = base.def();
            ColumnDefinition d = definition.columns().get(i);
            int collation = b.collationId() != ColumnDef.UNKNOWN_COLLATION
                    ? b.collationId()
                    : binaryType(d) ? ColumnDef.BINARY_COLLATION : Charsets.idOf(d.charset());
            int meta = oldTemporal(b) && d.fsp() > 0 ? d.fsp() : b.meta();
            boolean enumType = d.dataType().equals("enum");
            boolean setType = d.dataType().equals("set");
            ColumnDef def = new ColumnDef(
                    b.type(),
                    meta,
                    b.unsigned() || d.unsigned(),
                    collation,
                    b.enumValues().isEmpty() && enumType ? d.labels() : b.enumValues(),
                    b.setValues().isEmpty() && setType ? d.labels() : b.setValues());
            // the id made up from the definition's charset is not the collation's: its name is the definition's
            String collationName =
                    b.collationId() != ColumnDef.UNKNOWN_COLLATION ? base.collationName() : d.collation();
            merged.add(new ColumnSchema(d.name(), def, base.nullable(), collationName));
        }
        List<Integer> primaryKey = fromTableMap.primaryKey();
        if (primaryKey.isEmpty()) {
            primaryKey = new ArrayList<>();
            for (String name : definition.primaryKey()) {
                int at = definition.indexOf(name);
                if (at >= 0) {
                    primaryKey.add(at);
                }
            }
        }
        return new TableSchema(fromTableMap.database(), fromTableMap.table(), merged, primaryKey);
    }

    /** MariaDB's old TIME/DATETIME/TIMESTAMP: no metadata, the fsp comes from the definition. */
    private static boolean oldTemporal(ColumnDef d) {
        return (d.type() == ColumnType.TIME || d.type() == ColumnType.DATETIME || d.type() == ColumnType.TIMESTAMP)
                && d.meta() == 0;
    }

    private static boolean binaryType(ColumnDefinition d) {
        return switch (d.dataType()) {
            // MariaDB's INET4, INET6 and UUID are logged as BINARY(4) / BINARY(16): their values are bytes
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "inet4", "inet6", "uuid" -> true;
            default -> false;
        };
    }

    private static boolean isNumeric(ColumnType t) {
        return switch (t) {
            case TINY, SHORT, INT24, LONG, LONGLONG, FLOAT, DOUBLE, NEWDECIMAL -> true;
            default -> false;
        };
    }

    private static boolean labelsDiffer(ColumnDef binlog, ColumnDefinition d) {
        List<String> fromEvent = d.dataType().equals("enum")
                ? binlog.enumValues()
                : d.dataType().equals("set") ? binlog.setValues() : List.of();
        return !fromEvent.isEmpty() && !fromEvent.equals(d.labels());
    }

    /** MySQL's GEOMETRY_TYPE codes: 0 geometry, 1 point, ..., 7 geometrycollection. */
    private static boolean geometrySubtype(int code, String dataType) {
        String[] names = {
            "geometry",
            "point",
            "linestring",
            "polygon",
            "multipoint",
            "multilinestring",
            "multipolygon",
            "geometrycollection"
        };
        return code < 0 || code >= names.length || names[code].equals(dataType);
    }
}
