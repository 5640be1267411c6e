package org.mysqlreplication.client;

import org.mysqlreplication.BinlogException;

/** The server is not set up for replication the way the reader needs (no binary log, an unknown checksum). */
public final class BinlogConfigurationException extends BinlogException {

    public BinlogConfigurationException(String message) {
        super(message);
    }
}
