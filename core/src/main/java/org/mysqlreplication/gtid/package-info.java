/**
 * GTID positions: {@link org.mysqlreplication.gtid.MariadbGtidPosition}, MariaDB's list of one
 * {@code domain-server-sequence} GTID per replication domain, which a reader can start from and reports as it goes;
 * and {@link org.mysqlreplication.gtid.MysqlGtidSet}, MySQL's {@code uuid[:tag]:intervals} sets (tagged since MySQL 8.3) with the binary form
 * COM_BINLOG_DUMP_GTID sends. Values only: this package knows nothing of the wire or
 * the client.
 */
package org.mysqlreplication.gtid;
