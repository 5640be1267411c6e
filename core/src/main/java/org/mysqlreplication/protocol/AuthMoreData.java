package org.mysqlreplication.protocol;

import org.mysqlreplication.io.ByteReader;

/**
 * {@code Protocol::AuthMoreData}: {@code 0x01} and data for the current auth plugin, which
 * {@link org.mysqlreplication.protocol.auth.AuthPlugin#moreData} answers: caching_sha2_password's fast-auth
 * result ({@code 0x03} success, {@code 0x04} full authentication) and the server's PEM public key after the
 * client asked for it (caching_sha2_password and sha256_password).
 */
record AuthMoreData(byte[] data) {

    static final int HEADER = 0x01;

    static AuthMoreData parse(ByteReader r) {
        int header = r.readUint8();
        if (header != HEADER) {
            throw new IllegalArgumentException("not an auth more-data packet: header " + header);
        }
        return new AuthMoreData(r.readRemainingBytes());
    }
}
