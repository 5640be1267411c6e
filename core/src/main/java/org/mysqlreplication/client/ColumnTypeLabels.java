package org.mysqlreplication.client;

/** Quotes text for the few queries the schema resolver sends to the server. */
final class ColumnTypeLabels {

    private ColumnTypeLabels() {
    }

    /** A MySQL string literal for {@code value}, safe under the default SQL mode. */
    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
