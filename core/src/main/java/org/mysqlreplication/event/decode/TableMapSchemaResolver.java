package org.mysqlreplication.event.decode;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.TableMapOptionalMetadata;
import org.mysqlreplication.schema.ColumnSchema;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.CollationNames;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnType;

/**
 * The default resolver: builds the schema from the TABLE_MAP_EVENT alone. Column names, signedness, collations,
 * ENUM/SET labels and the primary key come from the optional metadata when the server wrote it
 * ({@code binlog_row_metadata=FULL} on MySQL 8 / MariaDB 10.5+; MINIMAL gives signedness and charsets only);
 * otherwise names are {@code null}, integers are signed, collations unknown and labels empty.
 *
 * <p>Stateless and thread-safe.
 */
public final class TableMapSchemaResolver implements TableSchemaResolver {

    /** As {@link #resolve(TableMapEvent, ServerFlavor)} for a binlog written by MySQL. */
    @Override
    public TableSchema resolve(TableMapEvent tm) {
        return resolve(tm, ServerFlavor.MYSQL);
    }

    /** The schema from the TABLE_MAP, its SIGNEDNESS bits counted as {@code flavor} counts numeric columns. */
    @Override
    public TableSchema resolve(TableMapEvent tm, ServerFlavor flavor) {
        TableMapOptionalMetadata opt = tm.optionalMetadata();
        BitSet signedness = opt.signedness();
        BitSet nullable = tm.nullability();
        int[] meta = tm.columnMetadata();
        int numeric = 0;
        int character = 0;
        int enumOrSet = 0;
        int enums = 0;
        int sets = 0;
        List<ColumnSchema> columns = new ArrayList<>(tm.columnCount());
        for (int i = 0; i < tm.columnCount(); i++) {
            ColumnType type = tm.columnTypes().get(i);
            ColumnKind kind = ColumnKind.of(type, meta[i], flavor);
            boolean unsigned = false;
            int collation = ColumnDef.UNKNOWN_COLLATION;
            List<String> enumValues = List.of();
            List<String> setValues = List.of();
            switch (kind) {
                case NUMERIC -> unsigned = signedness != null && signedness.get(numeric++);
                case CHARACTER ->
                    collation =
                            collation(character++, opt.columnCharsets(), opt.defaultCharset(), opt.charsetOverrides());
                case ENUM, SET -> {
                    collation = collation(
                            enumOrSet++,
                            opt.enumAndSetColumnCharsets(),
                            opt.enumAndSetDefaultCharset(),
                            opt.enumAndSetCharsetOverrides());
                    if (kind == ColumnKind.ENUM) {
                        enumValues = enums < opt.enumStrValues().size()
                                ? opt.enumStrValues().get(enums)
                                : List.of();
                        enums++;
                    } else {
                        setValues = sets < opt.setStrValues().size()
                                ? opt.setStrValues().get(sets)
                                : List.of();
                        sets++;
                    }
                }
                default -> {}
            }
            String name = i < opt.columnNames().size() ? opt.columnNames().get(i) : null;
            String collationName = flavor == ServerFlavor.MARIADB
                    ? CollationNames.mariadb(collation)
                    : CollationNames.mysql(collation);
            columns.add(new ColumnSchema(
                    name,
                    new ColumnDef(type, meta[i], unsigned, collation, enumValues, setValues),
                    nullable.get(i),
                    collationName));
        }
        return new TableSchema(tm.schema(), tm.table(), columns, primaryKey(opt));
    }

    private static int collation(
            int ordinal, List<Integer> perColumn, Integer defaultCollation, Map<Integer, Integer> overrides) {
        if (ordinal < perColumn.size()) {
            return perColumn.get(ordinal);
        }
        if (defaultCollation != null) {
            return overrides.getOrDefault(ordinal, defaultCollation);
        }
        return ColumnDef.UNKNOWN_COLLATION;
    }

    private static List<Integer> primaryKey(TableMapOptionalMetadata opt) {
        if (!opt.simplePrimaryKey().isEmpty()) {
            return opt.simplePrimaryKey();
        }
        return opt.primaryKeyWithPrefix().stream()
                .map(TableMapOptionalMetadata.KeyPart::column)
                .toList();
    }
}
