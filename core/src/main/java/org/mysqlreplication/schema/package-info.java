/**
 * Table schemas (names, types, signedness, charsets, ENUM/SET labels, primary key) and how they are resolved
 * for a TABLE_MAP event.
 */
package org.mysqlreplication.schema;
