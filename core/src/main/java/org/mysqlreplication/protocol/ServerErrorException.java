package org.mysqlreplication.protocol;

import org.mysqlreplication.BinlogException;

/**
 * The server answered with an ERR packet: its error code (e.g. 1236 ER_MASTER_FATAL_ERROR_READING_BINLOG),
 * its five-character SQLSTATE and its message, plus what the client was doing.
 *
 * <p>Immutable and thread-safe.
 */
public class ServerErrorException extends BinlogException {

    private final int errorCode;
    private final String sqlState;
    private final String serverMessage;

    /**
     * @param context what the client was doing, e.g. {@code "COM_QUERY"}; goes first in the message
     */
    public ServerErrorException(String context, int errorCode, String sqlState, String serverMessage) {
        super(context + ": server error " + errorCode + " (SQLSTATE " + sqlState + "): " + serverMessage);
        this.errorCode = errorCode;
        this.sqlState = sqlState;
        this.serverMessage = serverMessage;
    }

    /**
     * For an error the client raised in the server's stead (as libmysqlclient's own {@code CR_*} errors):
     * {@code message} as is.
     */
    protected ServerErrorException(int errorCode, String sqlState, String serverMessage, String message) {
        super(message);
        this.errorCode = errorCode;
        this.sqlState = sqlState;
        this.serverMessage = serverMessage;
    }

    /** The server's error number, e.g. 1045. */
    public int errorCode() {
        return errorCode;
    }

    /** The five-character SQLSTATE, e.g. {@code "28000"}; {@code "HY000"} when the server sent none. */
    public String sqlState() {
        return sqlState;
    }

    /** The server's own message text. */
    public String serverMessage() {
        return serverMessage;
    }
}
