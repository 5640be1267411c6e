package org.mysqlreplication.testing.replay;

/** The generic packets a MySQL server answers with: OK, ERR and (before CLIENT_DEPRECATE_EOF) EOF. */
final class ServerReplies {

    /** {@code SERVER_STATUS_AUTOCOMMIT}. */
    static final int STATUS = 2;

    private ServerReplies() {}

    static byte[] ok() {
        return new PayloadOut().int8(0).int8(0).int8(0).int16(STATUS).int16(0).toByteArray();
    }

    static byte[] eof() {
        return new PayloadOut().int8(0xFE).int16(0).int16(STATUS).toByteArray();
    }

    static byte[] err(int code, String sqlState, String message) {
        return new PayloadOut()
                .int8(0xFF)
                .int16(code)
                .int8('#')
                .bytes(sqlState.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .bytes(message.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toByteArray();
    }
}
