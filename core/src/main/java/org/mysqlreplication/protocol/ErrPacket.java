package org.mysqlreplication.protocol;

import java.nio.charset.StandardCharsets;
import org.mysqlreplication.io.ByteReader;

/**
 * {@code ERR_Packet}: {@code 0xFF}, error code (2), then with CLIENT_PROTOCOL_41 a {@code '#'} and a
 * five-character SQLSTATE, then the message to the end. An ERR sent before the handshake (e.g. 1040 "Too many
 * connections") has no SQLSTATE marker; the state is then {@code "HY000"}.
 */
record ErrPacket(int errorCode, String sqlState, String message) {

    static final int HEADER = 0xFF;

    static ErrPacket parse(ByteReader r) {
        int header = r.readUint8();
        if (header != HEADER) {
            throw new IllegalArgumentException("not an ERR packet: header " + header);
        }
        int code = r.readUint16();
        String state = "HY000";
        if (r.remaining() >= 6 && r.peekUint8(0) == '#') {
            r.skip(1);
            state = r.readString(5, StandardCharsets.US_ASCII);
        }
        return new ErrPacket(code, state, r.readRemainingString(StandardCharsets.UTF_8));
    }

    /** Error codes that mean the login itself was refused. */
    private static boolean isAuthenticationError(int code) {
        return code == 1044 // ER_DBACCESS_DENIED_ERROR
                || code == 1045 // ER_ACCESS_DENIED_ERROR
                || code == 1251 // ER_NOT_SUPPORTED_AUTH_MODE
                || code == 1275 // ER_SERVER_IS_IN_SECURE_AUTH_MODE
                || code == 1698 // ER_ACCESS_DENIED_NO_PASSWORD_ERROR
                || code == 1820 // ER_MUST_CHANGE_PASSWORD
                || code == 1862; // ER_MUST_CHANGE_PASSWORD_LOGIN
    }

    ServerErrorException toException(String context) {
        return new ServerErrorException(context, errorCode, sqlState, message);
    }

    /** During the connection phase: an {@link AuthenticationException} for a refused login, else a server error. */
    ServerErrorException toLoginException(String context) {
        return isAuthenticationError(errorCode)
                ? new AuthenticationException(context, errorCode, sqlState, message)
                : toException(context);
    }
}
