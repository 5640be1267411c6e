package org.mysqlreplication.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies one parsed statement to a {@link SchemaModel} as the server would have: CREATE TABLE gives a table its
 * columns with their charsets (column, table, database, then the server's default from the QUERY event),
 * ALTER TABLE goes through {@link AlterTableApplier}, RENAME/DROP move and remove, the database statements set
 * defaults. Whatever cannot be applied for sure makes the tables concerned unknown: DDL that was not understood,
 * an ALTER of a table the model never had, a failed statement, a CREATE ... LIKE an unknown table.
 *
 * <p>Not thread-safe.
 */
final class DdlApplier {

    private final SchemaModel model;
    private final String serverCharset;

    /** @param serverCharset the server's default charset when the statement ran, null when not known */
    DdlApplier(SchemaModel model, String serverCharset) {
        this.model = model;
        this.serverCharset = serverCharset;
    }

    void apply(DdlStatement s) {
        if (s instanceof DdlStatement.CreateTable t) {
            if (!(t.ifNotExists() && model.exists(t.name()))) {
                model.put(create(t));
            }
        } else if (s instanceof DdlStatement.CreateTableLike t) {
            if (!(t.ifNotExists() && model.exists(t.name()))) {
                TableDefinition like = model.table(t.like());
                if (like != null) {
                    model.put(like.renamed(t.name().database(), t.name().table()));
                } else {
                    model.markUnknown(t.name());
                }
            }
        } else if (s instanceof DdlStatement.AlterTable a) {
            alter(a);
        } else if (s instanceof DdlStatement.RenameTables r) {
            rename(r);
        } else if (s instanceof DdlStatement.DropTables d) {
            d.names().forEach(model::drop);
        } else if (s instanceof DdlStatement.CreateDatabase d) {
            if (!(d.ifNotExists() && model.database(d.name()) != null)) {
                String cs = ColumnCharsets.tableCharset(d.charset(), d.collation(), null, serverCharset);
                model.putDatabase(new DatabaseDefinition(d.name(), cs, d.collation()));
            }
        } else if (s instanceof DdlStatement.AlterDatabase d) {
            DatabaseDefinition old = model.database(d.name());
            String cs = d.charset() != null
                    ? d.charset()
                    : d.collation() != null
                            ? Charsets.ofCollation(d.collation())
                            : old != null ? old.defaultCharset() : null;
            model.putDatabase(new DatabaseDefinition(d.name(), cs, d.collation()));
        } else if (s instanceof DdlStatement.DropDatabase d) {
            model.dropDatabase(d.name());
        } else if (s instanceof DdlStatement.Unparsed u) {
            unknown(u);
        }
    }

    private TableDefinition create(DdlStatement.CreateTable t) {
        String charset = ColumnCharsets.tableCharset(
                t.charset(), t.collation(), model.database(t.name().database()), serverCharset);
        String collation = t.collation();
        DatabaseDefinition db = model.database(t.name().database());
        if (collation == null
                && t.charset() == null
                && db != null
                && charset != null
                && charset.equals(db.defaultCharset())) {
            collation = db.defaultCollation();
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        for (DdlStatement.Column c : t.columns()) {
            ColumnDefinition d = ColumnCharsets.resolve(c, charset, collation);
            columns.add(t.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(d.name())) ? notNull(d) : d);
        }
        return new TableDefinition(t.name().database(), t.name().table(), columns, t.primaryKey(), charset, collation);
    }

    private static ColumnDefinition notNull(ColumnDefinition d) {
        return new ColumnDefinition(
                d.name(),
                d.dataType(),
                d.length(),
                d.precision(),
                d.scale(),
                d.fsp(),
                d.unsigned(),
                d.charset(),
                d.collation(),
                d.labels(),
                false);
    }

    private void alter(DdlStatement.AlterTable a) {
        TableDefinition table = model.table(a.name());
        if (table == null) {
            model.markUnknown(a.name()); // altered, but never defined in this history: no guess
            return;
        }
        TableDefinition after;
        try {
            after = AlterTableApplier.apply(table, a.actions());
        } catch (DdlSyntaxException e) {
            model.markUnknown(a.name());
            return;
        }
        if (!(after.database().equals(table.database()) && after.table().equals(table.table()))) {
            model.drop(a.name());
        }
        model.put(after);
    }

    private void rename(DdlStatement.RenameTables r) {
        for (int i = 0; i < r.from().size(); i++) {
            TableName from = r.from().get(i);
            TableName to = r.to().get(i);
            TableDefinition t = model.table(from);
            boolean wasUnknown = model.isUnknown(from);
            model.drop(from);
            if (t != null) {
                model.put(t.renamed(to.database(), to.table()));
            } else {
                model.markUnknown(to); // renamed from a table this history never had (or did not know)
            }
            if (wasUnknown) {
                model.markUnknown(to);
            }
        }
    }

    private void unknown(DdlStatement.Unparsed u) {
        u.touched().forEach(model::markUnknown);
        for (TableName known : model.tableNames()) {
            if (u.identifiers().contains(known.table())) {
                model.markUnknown(known);
            }
        }
    }

    /** A statement that failed on the source (error code set): what it touched is not known for sure. */
    void failed(DdlStatement s) {
        List<TableName> touched = new ArrayList<>();
        if (s instanceof DdlStatement.CreateTable t) {
            touched.add(t.name());
        } else if (s instanceof DdlStatement.AlterTable a) {
            touched.add(a.name());
        } else if (s instanceof DdlStatement.DropTables d) {
            touched.addAll(d.names());
        } else if (s instanceof DdlStatement.RenameTables r) {
            touched.addAll(r.from());
            touched.addAll(r.to());
        } else if (s instanceof DdlStatement.Unparsed u) {
            unknown(u);
        }
        touched.forEach(model::markUnknown);
    }
}
