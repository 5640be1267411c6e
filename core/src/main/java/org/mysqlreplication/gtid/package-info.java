/**
 * GTID positions: {@link org.mysqlreplication.gtid.MariadbGtidPosition}, MariaDB's list of one
 * {@code domain-server-sequence} GTID per replication domain, which a reader can start from and reports as it goes.
 * Values only: this package knows nothing of the wire or the client.
 */
package org.mysqlreplication.gtid;
