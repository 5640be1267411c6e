package org.mysqlreplication.event.decode;

/**
 * The stream holds something this library cannot decode (yet): an event type it does not decode while the policy
 * is {@link UnknownEventPolicy#FAIL}, an encrypted binlog, or a binlog format version it does not read.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnsupportedEventException extends EventDecodeException {

    public UnsupportedEventException(String what, String binlogFile, long position, String eventType) {
        super(what, binlogFile, position, eventType, -1, null);
    }
}
