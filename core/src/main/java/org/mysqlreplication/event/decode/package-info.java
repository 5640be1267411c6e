/**
 * Decoding of binlog events: {@link org.mysqlreplication.event.decode.EventDecoder} dispatches on the event type to
 * one small decoder per type and keeps all stream state in a
 * {@link org.mysqlreplication.event.decode.DecodeContext}.
 */
package org.mysqlreplication.event.decode;
