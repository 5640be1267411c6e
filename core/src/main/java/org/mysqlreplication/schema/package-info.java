/**
 * Table schemas (names, types, signedness, charsets, ENUM/SET labels, primary key), the DDL parser, and the schema
 * history that gives every row the schema of its time. This package knows nothing of events: how a schema is found
 * and checked for a TABLE_MAP event is the decoders' business ({@code event.decode}: the resolvers,
 * {@code TableMapCheck}, {@code SchemaHistoryResolver}), beside the decoder that calls them.
 *
 * <p><b>Where names come from.</b> {@link org.mysqlreplication.event.decode.TableMapSchemaResolver} takes what the
 * TABLE_MAP itself says (names only with {@code binlog_row_metadata=FULL}). Any other source, the server's
 * {@code information_schema} (the table as it is now) or the {@link org.mysqlreplication.schema.SchemaHistory}
 * (the table as the DDL read so far left it), gives a {@link org.mysqlreplication.schema.TableDefinition} that
 * must pass the {@link org.mysqlreplication.event.decode.TableMapCheck} before its names are used: a schema of another
 * time of the table fails the event, or by {@link org.mysqlreplication.schema.SchemaMismatchPolicy} gives
 * positional names. A row is never named from a schema that disagrees with its TABLE_MAP.
 *
 * <p><b>The DDL parser</b> ({@code DdlParser}, {@code CreateTableParser}, {@code AlterTableParser},
 * {@code ColumnDefinitionParser}, {@code ColumnTypeParser} over {@code DdlLexer}'s tokens) is hand-written
 * recursive descent, not an ANTLR 4 grammar, because: the history needs a small subset (CREATE/ALTER/RENAME/
 * DROP TABLE, CREATE/ALTER/DROP DATABASE) and only the column-changing parts of it, reading everything else over;
 * a generated parser would need the ANTLR runtime (about 300 KB) in a core that depends on SLF4J and a zstd
 * library only, plus a grammar of the full MySQL DDL to be robust (the public MySQL grammars run to thousands of
 * lines); and failure handling is the point: on anything it does not know, the parser stops with the tables it has
 * named so far, which the history then marks unknown (the TABLE_MAP check decides), where a generated parser's
 * error recovery would guess. Measured on this project's shared 2-core build machine (loaded), a 7-column CREATE
 * TABLE parses in about 12 µs and a 3-clause ALTER TABLE in about 8 µs; a QUERY event that is not DDL (BEGIN, DML)
 * is recognized from its first word without lexing. The statements of the unit tests include the exact texts
 * MariaDB 10.11 logs.
 */
package org.mysqlreplication.schema;
