package org.mysqlreplication.event.decode;

/**
 * What the decoder does with an event type it does not decode.
 *
 * <p>Immutable and thread-safe.
 */
public enum UnknownEventPolicy {
    /** Deliver it as an {@code UnknownEvent} with its raw body. */
    DELIVER,
    /** Throw an {@link UnsupportedEventException}. */
    FAIL
}
