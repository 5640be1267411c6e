/**
 * mysql-replication for Java: a replica-side client of the MySQL and MariaDB replication protocol.
 *
 * <p>Start with {@code org.mysqlreplication.client.BinLogStreamReader}. This package holds only the root of
 * the exception hierarchy, {@link org.mysqlreplication.BinlogException}.
 */
package org.mysqlreplication;
