package org.mysqlreplication.schema;

/**
 * Gives a parsed column the character set and collation the server gives it: its own (a CHARACTER SET, or the
 * charset of its COLLATE), else the table's default; the BINARY attribute means the charset's {@code _bin}
 * collation. Non-text columns keep none.
 *
 * <p>Stateless and thread-safe.
 */
final class ColumnCharsets {

    private ColumnCharsets() {}

    static ColumnDefinition resolve(DdlStatement.Column column, String tableCharset, String tableCollation) {
        ColumnDefinition d = column.definition();
        if (!d.isText()) {
            return d;
        }
        String charset = d.charset() != null ? d.charset() : Charsets.ofCollation(d.collation());
        String collation = d.collation();
        if (charset == null) {
            charset = tableCharset;
            collation = collation != null ? collation : tableCollation;
        }
        if (column.binaryCollation() && charset != null) {
            collation = charset + "_bin";
        }
        if (collation != null && charset != null && !charset.equals(Charsets.ofCollation(collation))) {
            collation = null; // the table's collation belongs to another charset than the column's
        }
        return d.withCharset(charset, collation);
    }

    /** A table's charset: its own, or that of its collation, else its database's default, else the server's. */
    static String tableCharset(String charset, String collation, DatabaseDefinition db, String serverCharset) {
        if (charset != null) {
            return charset;
        }
        if (collation != null) {
            return Charsets.ofCollation(collation);
        }
        if (db != null && db.defaultCharset() != null) {
            return db.defaultCharset();
        }
        return serverCharset;
    }
}
