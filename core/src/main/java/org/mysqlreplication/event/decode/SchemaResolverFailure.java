package org.mysqlreplication.event.decode;

/**
 * Carries a {@link TableSchemaResolver}'s own typed failure (a {@link org.mysqlreplication.BinlogException}, say a
 * lost connection to the server it asks) through the decoder, which gives it to the caller as it is instead of
 * wrapping it as a decoding error: a schema lookup that failed is a failure of that lookup's connection, which a
 * reader may retry, not a corrupt event. Other exceptions of a resolver (bugs) are wrapped with the event's location.
 *
 * <p>Never leaves this package.
 */
final class SchemaResolverFailure extends RuntimeException {

    private final RuntimeException failure;

    SchemaResolverFailure(RuntimeException failure) {
        super(null, failure, false, false);
        this.failure = failure;
    }

    /** The resolver's exception. */
    RuntimeException failure() {
        return failure;
    }
}
