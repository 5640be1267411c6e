package org.mysqlreplication.event;

import java.util.Objects;

/**
 * MariaDB START_ENCRYPTION_EVENT (164): the binlog file is encrypted from the next event on. It carries no key,
 * only which one: the encryption scheme, the key version and the nonce the following events are encrypted with.
 * A server streaming its binlog to a replica decrypts the events before sending them, so a live stream goes on
 * after this event; a file read from disk cannot be read past it without the key.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scheme     the encryption scheme (1: AES with the key version's key)
 * @param keyVersion the version of the key the events are encrypted with
 * @param nonce      the 12-byte nonce (a copy is kept and given)
 */
public record MariadbStartEncryptionEvent(EventHeader header, int scheme, long keyVersion, byte[] nonce)
        implements BinlogEvent {

    /** The length of the nonce. */
    public static final int NONCE_LENGTH = 12;

    public MariadbStartEncryptionEvent {
        Objects.requireNonNull(header, "header");
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("nonce of " + nonce.length + " bytes, expected " + NONCE_LENGTH);
        }
        nonce = nonce.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public String dump() {
        return DumpText.start("MariadbStartEncryptionEvent", header)
                .field("Schema", scheme)
                .field("Key version", keyVersion)
                .field("Nonce", nonce)
                .end();
    }
}
