/**
 * MySQL's binary JSON format (the JSON column type, code 245): {@link org.mysqlreplication.value.json.MysqlJson}
 * holds a value's JSON text exactly as MySQL prints it and the stored bytes, and gives a tree of Java values on
 * demand.
 *
 * <p>Sources: {@code sql-common/json_binary.h} (the format, documented in its header comment) and
 * {@code json_binary.cc} (the parser and its checks), {@code sql-common/json_dom.cc} ({@code wrapper_to_string}:
 * how MySQL prints a value), {@code strings/dtoa.cc} ({@code my_gcvt}: how it prints a double), {@code
 * mysys/base64.cc} (how it prints an opaque value it has no type for) in mysql/mysql-server.
 *
 * <p>Design choices, with the reasons:
 * <ul>
 * <li>The text is built when the value is decoded (with its row, or when a lazy row's value is read), not on the
 *     first {@code text()}: a corrupt document then fails where the row is read, with the binlog position, and
 *     the value stays immutable without a cache; and the text is what most users want (python-mysql-replication
 *     users get a parsed dict, the connector users bytes they must parse). Built in one pass by a walker
 *     ({@code JsonBinary}) that reports to a handler ({@code JsonTextWriter}); nothing but the text is built.</li>
 * <li>The stored bytes are kept (one copy of the value): {@code MysqlJson.tree()} walks them again, when asked,
 *     into maps, lists and standard Java values ({@code JsonTreeBuilder}, the walker's second handler), and a
 *     caller can parse them in its own way.</li>
 * <li>The decoder is as strict as MySQL's parser and a bit more (see {@code JsonBinary}); strings must be valid
 *     UTF-8. Bytes no entry points to are not an error: partial updates leave such holes.</li>
 * <li>{@code value.json} uses {@link org.mysqlreplication.value.ValueDecoder} for opaque DECIMALs, and
 *     {@code value}'s BLOB decoding uses {@code MysqlJson}: the two packages are one family of value decoders.</li>
 * <li>MySQL's JSON partial updates (the after image of a PARTIAL_UPDATE_ROWS_EVENT) are
 *     {@link org.mysqlreplication.value.json.JsonPartialUpdate}s of {@link org.mysqlreplication.value.json.JsonDiff}s;
 *     the rows decoder reads them, as only it knows which columns hold changes instead of documents.</li>
 * <li>{@link org.mysqlreplication.value.json.JsonText} reads and quotes JSON text, numbers exactly: the little
 *     the library needs itself (the schema history file, events as maps), without a JSON library in core.</li>
 * </ul>
 */
package org.mysqlreplication.value.json;
