package org.mysqlreplication.schema;

/**
 * What happens when the schema a reader has for a table (from its schema history or from the server's
 * {@code information_schema}) does not agree with what a TABLE_MAP event says about the table's columns.
 *
 * <p>Immutable and thread-safe.
 */
public enum SchemaMismatchPolicy {
    /**
     * The default: the TABLE_MAP event fails with an {@code EventDecodeException} (caused by a
     * {@link SchemaMismatchException}) that names the table, the column, both sides and what to do.
     */
    FAIL,
    /**
     * The table's rows are delivered with positional names ({@code @1}, {@code @2}, ..., as python-mysql-replication
     * does without a schema), their types from the TABLE_MAP; the mismatch is logged and counted.
     */
    POSITIONAL_NAMES
}
