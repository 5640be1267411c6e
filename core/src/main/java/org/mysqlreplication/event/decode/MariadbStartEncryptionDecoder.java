package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.MariadbStartEncryptionEvent;
import org.mysqlreplication.io.ByteReader;

/**
 * MariaDB START_ENCRYPTION_EVENT: crypto scheme (1), key version (4), nonce (12), as
 * {@code Start_encryption_log_event} in MariaDB's {@code sql/log_event.h} reads it.
 */
final class MariadbStartEncryptionDecoder implements BodyDecoder {

    @Override
    public BinlogEvent decode(EventHeader header, ByteReader body, DecodeContext ctx) {
        int scheme = body.readUint8();
        long keyVersion = body.readUint32();
        byte[] nonce = body.readBytes(MariadbStartEncryptionEvent.NONCE_LENGTH);
        return new MariadbStartEncryptionEvent(header, scheme, keyVersion, nonce);
    }
}
