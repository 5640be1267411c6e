/**
 * Column types and the decoding of row values from their binlog encoding into standard Java types.
 *
 * <p>Entry points: {@link org.mysqlreplication.value.ColumnMetadata#read} (TABLE_MAP's per-column metadata,
 * packed one {@code int} per column as the servers' {@code table_def} packs it),
 * {@link org.mysqlreplication.value.ValueDecoder#decode} (one non-NULL value; the Java type per column type
 * is listed there) and {@link org.mysqlreplication.value.Collations} (collation id or charset name to Java
 * charset).
 *
 * <p>Design choices, with the reasons:
 * <ul>
 * <li>One package-private class per value family (integers, floating point, decimal, temporal in three
 *     formats, strings, blobs, bit/enum/set) behind one dispatcher, so each layout sits next to its source
 *     reference and tests.</li>
 * <li>Eager decoding into immutable JDK types for now; whether rows should be lazy views is for a
 *     benchmark to decide, and the decoders only need a {@link org.mysqlreplication.io.ByteReader}.</li>
 * <li>Nothing is silently changed: zero and invalid dates become
 *     {@link org.mysqlreplication.value.MysqlDateTime}; text that is not valid in its charset is never turned
 *     into U+FFFD (it stays bytes, see below); an ENUM index or SET bit beyond the known labels raises (the
 *     labels belong to another version of the table). Messages never contain the value.</li>
 * <li>A type without a known layout raises {@link org.mysqlreplication.value.UnsupportedColumnTypeException}
 *     naming it: the pre-5.0 DECIMAL (its length is not in TABLE_MAP), TYPED_ARRAY, BOOL, INVALID.</li>
 * <li>Text that cannot be decoded never ends a stream: a CHAR/VARCHAR whose charset is not known (-1, or an id
 *     this library does not know), and any text whose bytes are not valid in its charset, come out as
 *     {@link org.mysqlreplication.value.UndecodedText} (the bytes and the reason), counted by the decode
 *     context. BLOB/TEXT of unknown collation stay {@code byte[]} (a BLOB is far more often binary than a TEXT
 *     is anything else).</li>
 * </ul>
 */
package org.mysqlreplication.value;
