/**
 * The client/server protocol a replication client needs: the handshake and login
 * ({@link org.mysqlreplication.protocol.ServerConnection#open}), text queries, replica registration and the
 * binlog dump stream. Server errors become {@link org.mysqlreplication.protocol.ServerErrorException}
 * (refused logins {@link org.mysqlreplication.protocol.AuthenticationException}).
 */
package org.mysqlreplication.protocol;
