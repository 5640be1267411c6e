/**
 * Binlog events as JSON lines in Maxwell's shape ({@link org.mysqlreplication.jsonl.JsonLines}), written by hand
 * into reused buffers (no JSON library): one object per changed row with every value encoded exactly (DECIMAL
 * plain with its scale, FLOAT/DOUBLE as their shortest round-trip decimal, temporal values as MySQL's text,
 * TIMESTAMP in UTC, bytes as base64, GEOMETRY as WKT, MySQL JSON as the document itself), and any event as one
 * object ({@link org.mysqlreplication.jsonl.JsonLines#toJson}). Depends on the event model only.
 */
package org.mysqlreplication.jsonl;
