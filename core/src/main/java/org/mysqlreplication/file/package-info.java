/**
 * Reading binlog (and relay log) files from disk: {@link org.mysqlreplication.file.BinlogFileReader} is a source of
 * event payloads for the same {@link org.mysqlreplication.event.decode.EventReader} a live stream uses, so a file
 * takes the same {@link org.mysqlreplication.event.decode.EventSelector} filters and gives the same events.
 */
package org.mysqlreplication.file;
