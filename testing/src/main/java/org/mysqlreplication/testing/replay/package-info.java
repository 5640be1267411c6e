/**
 * {@link org.mysqlreplication.testing.replay.MysqlReplayServer}: a stand-in MySQL 8.4/9.x source that serves binlog
 * files over the MySQL protocol, with MySQL's authentication plugins, for testing replication clients without a
 * MySQL server. Written from MySQL's sources ({@code sql/auth/sha2_password.cc}, {@code sql/auth/
 * sql_authentication.cc}, {@code sql/rpl_binlog_sender.cc}) and checked against Connector/J and the
 * {@code mariadb} client; independent of this project's own client code.
 */
package org.mysqlreplication.testing.replay;
