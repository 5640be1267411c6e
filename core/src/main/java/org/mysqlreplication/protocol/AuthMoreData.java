package org.mysqlreplication.protocol;

import org.mysqlreplication.io.ByteReader;

/**
 * {@code Protocol::AuthMoreData}: {@code 0x01} and data for the current auth plugin (e.g. caching_sha2_password's
 * fast-auth result or public key). None of the plugins we support uses it, so the connection reports it as
 * an unexpected step naming the plugin.
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
