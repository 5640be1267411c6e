/**
 * The binlog event model: the common {@link org.mysqlreplication.event.EventHeader}, the
 * {@link org.mysqlreplication.event.EventType} codes of MySQL and MariaDB, and one immutable record per decoded
 * event under the sealed {@link org.mysqlreplication.event.BinlogEvent}; rows events carry
 * {@link org.mysqlreplication.event.Row} views with their table schema. Each event can describe itself in the
 * text format of python-mysql-replication ({@code dump()}).
 */
package org.mysqlreplication.event;
