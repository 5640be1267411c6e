package org.mysqlreplication.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the clauses of one ALTER TABLE to a table's definition, in order, as the server does. A clause that
 * does not fit the definition (a column to drop or change that it does not have) raises
 * {@link DdlSyntaxException}: the definition was wrong, so the table becomes unknown.
 *
 * <p>Not thread-safe: one applier per statement.
 */
final class AlterTableApplier {

    private final List<ColumnDefinition> columns;
    private final List<String> primaryKey;
    private String charset;
    private String collation;
    private TableName rename;

    private AlterTableApplier(TableDefinition table) {
        this.columns = new ArrayList<>(table.columns());
        this.primaryKey = new ArrayList<>(table.primaryKey());
        this.charset = table.defaultCharset();
        this.collation = table.defaultCollation();
    }

    /** The table after {@code actions}, with its new name if one of them renamed it. */
    static TableDefinition apply(TableDefinition table, List<DdlStatement.AlterAction> actions) {
        AlterTableApplier a = new AlterTableApplier(table);
        for (DdlStatement.AlterAction action : actions) {
            a.apply(action);
        }
        TableName name = a.rename != null ? a.rename : new TableName(table.database(), table.table());
        return new TableDefinition(name.database(), name.table(), a.columns, a.primaryKey, a.charset, a.collation);
    }

    private void apply(DdlStatement.AlterAction action) {
        if (action instanceof DdlStatement.AddColumns add) {
            add(add);
        } else if (action instanceof DdlStatement.DropColumn drop) {
            int at = indexOf(drop.name());
            if (at < 0 && !drop.ifExists()) {
                throw new DdlSyntaxException("DROP of a column the table does not have", 0);
            }
            if (at >= 0) {
                columns.remove(at);
                primaryKey.removeIf(k -> k.equalsIgnoreCase(drop.name()));
            }
        } else if (action instanceof DdlStatement.ChangeColumn change) {
            change(change);
        } else if (action instanceof DdlStatement.RenameColumn r) {
            int at = require(r.oldName());
            columns.set(at, columns.get(at).withName(r.newName()));
            primaryKey.replaceAll(k -> k.equalsIgnoreCase(r.oldName()) ? r.newName() : k);
        } else if (action instanceof DdlStatement.RenameTo r) {
            rename = r.name();
        } else if (action instanceof DdlStatement.ConvertCharset cv) {
            convert(cv.charset(), cv.collation());
        } else if (action instanceof DdlStatement.DefaultCharset dc) {
            if (dc.charset() != null) {
                charset = dc.charset();
                collation = dc.collation();
            } else if (dc.collation() != null) {
                collation = dc.collation();
                charset = Charsets.ofCollation(dc.collation());
            }
        } else if (action instanceof DdlStatement.AddPrimaryKey pk) {
            primaryKey.clear();
            primaryKey.addAll(pk.columns());
        } else if (action instanceof DdlStatement.DropPrimaryKey) {
            primaryKey.clear();
        }
    }

    private void add(DdlStatement.AddColumns add) {
        int at = position(add.position(), columns.size());
        for (DdlStatement.Column c : add.columns()) {
            if (add.ifNotExists() && indexOf(c.definition().name()) >= 0) {
                continue;
            }
            columns.add(at++, ColumnCharsets.resolve(c, charset, collation));
            if (c.primaryKey()) {
                primaryKey.clear();
                primaryKey.add(c.definition().name());
            }
        }
    }

    private void change(DdlStatement.ChangeColumn change) {
        int at = indexOf(change.oldName());
        if (at < 0) {
            if (change.ifExists()) {
                return;
            }
            throw new DdlSyntaxException("MODIFY or CHANGE of a column the table does not have", 0);
        }
        ColumnDefinition def = ColumnCharsets.resolve(change.column(), charset, collation);
        columns.remove(at);
        columns.add(position(change.position(), at), def);
        primaryKey.replaceAll(k -> k.equalsIgnoreCase(change.oldName()) ? def.name() : k);
        if (change.column().primaryKey()) {
            primaryKey.clear();
            primaryKey.add(def.name());
        }
    }

    /**
     * CONVERT TO CHARACTER SET: every text column gets the charset; a TEXT type whose characters no longer fit
     * becomes the next larger one (a latin1 TEXT becomes a utf8mb4 MEDIUMTEXT), as the server does.
     */
    private void convert(String newCharset, String newCollation) {
        for (int i = 0; i < columns.size(); i++) {
            ColumnDefinition c = columns.get(i);
            if (!c.isText()) {
                continue;
            }
            int oldBytes = Charsets.maxBytes(c.charset());
            int newBytes = Charsets.maxBytes(newCharset);
            int pack = textPackLength(c.dataType());
            if (pack > 0 && pack < 4 && oldBytes > 0 && newBytes > oldBytes) {
                long chars = BLOB_MAX[pack] / oldBytes;
                c = c.withDataType(TEXT_TYPES[BinlogColumnTypes.packLengthFor(chars * newBytes)], -1);
            }
            columns.set(i, c.withCharset(newCharset, newCollation));
        }
        charset = newCharset;
        collation = newCollation;
    }

    private static final long[] BLOB_MAX = {0, 255, 65_535, 16_777_215};
    private static final String[] TEXT_TYPES = {null, "tinytext", "text", "mediumtext", "longtext"};

    private static int textPackLength(String type) {
        for (int p = 1; p < TEXT_TYPES.length; p++) {
            if (TEXT_TYPES[p].equals(type)) {
                return p;
            }
        }
        return 0;
    }

    private int position(DdlStatement.Position p, int otherwise) {
        if (p == null) {
            return otherwise;
        }
        return p.first() ? 0 : require(p.after()) + 1;
    }

    private int require(String name) {
        int at = indexOf(name);
        if (at < 0) {
            throw new DdlSyntaxException("a column the table does not have", 0);
        }
        return at;
    }

    private int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
