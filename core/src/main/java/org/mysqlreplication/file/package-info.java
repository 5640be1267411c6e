/**
 * Reading binlog files from disk through the same decoder a live stream uses.
 */
package org.mysqlreplication.file;
