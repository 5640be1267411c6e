package org.mysqlreplication.io;

/**
 * A {@link SpillFile} was read after it was released: the reader that made it was closed (which releases every
 * spill file it made), or nothing referred to it any more. A large value kept on disk must be read before its
 * reader is closed.
 *
 * <p>Immutable and thread-safe.
 */
public final class SpillFileClosedException extends SpillFileException {

    public SpillFileClosedException(String message) {
        super(message, null);
    }
}
