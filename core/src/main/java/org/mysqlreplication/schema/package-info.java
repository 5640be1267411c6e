/**
 * Table schemas: names, types, signedness, charsets, ENUM/SET labels, primary key. How a schema is found for a
 * TABLE_MAP event is the decoders' business ({@link org.mysqlreplication.event.decode.TableSchemaResolver}); this
 * package knows nothing of events.
 */
package org.mysqlreplication.schema;
