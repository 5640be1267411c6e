package org.mysqlreplication.event;

import java.util.Objects;

/**
 * One row of an UPDATE rows event: the image before and the image after.
 *
 * <p>Immutable and thread-safe as its rows are.
 */
public record UpdateRow(Row before, Row after) {

    public UpdateRow {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
