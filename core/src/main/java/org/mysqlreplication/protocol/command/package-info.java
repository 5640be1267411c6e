/**
 * The commands the client sends once connected, one small record per command, each building its own payload:
 * {@code COM_QUERY}, {@code COM_REGISTER_SLAVE}, {@code COM_BINLOG_DUMP}, {@code COM_QUIT}.
 */
package org.mysqlreplication.protocol.command;
