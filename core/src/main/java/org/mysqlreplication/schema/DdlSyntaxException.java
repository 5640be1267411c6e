package org.mysqlreplication.schema;

import org.mysqlreplication.BinlogException;

/**
 * A DDL statement the history's parser does not understand: what it expected and at which offset of the
 * statement. The history never lets it escape: the tables the statement touches become unknown instead (see
 * {@link SchemaHistory}). The message never quotes the statement (it may hold literals).
 *
 * <p>Immutable and thread-safe.
 */
final class DdlSyntaxException extends BinlogException {

    DdlSyntaxException(String what, int offset) {
        super(what + " at offset " + offset + " of the statement");
    }
}
