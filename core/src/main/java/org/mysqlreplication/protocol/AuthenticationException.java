package org.mysqlreplication.protocol;

/**
 * The server refused the login: wrong user or password (1045 ER_ACCESS_DENIED_ERROR), no access to the
 * requested database (1044), an auth method the account cannot use, and similar errors during the connection
 * phase. Retrying with the same settings will not help.
 *
 * <p>Immutable and thread-safe.
 */
public class AuthenticationException extends ServerErrorException {

    public AuthenticationException(String context, int errorCode, String sqlState, String serverMessage) {
        super(context, errorCode, sqlState, serverMessage);
    }
}
