package org.mysqlreplication.schema;

import java.util.Objects;

/**
 * A database as the schema history knows it: its name and default character set and collation (what a CREATE
 * TABLE in it without its own charset gets); either may be {@code null} when not known.
 *
 * <p>Immutable and thread-safe.
 */
public record DatabaseDefinition(String name, String defaultCharset, String defaultCollation) {

    public DatabaseDefinition {
        Objects.requireNonNull(name, "name");
    }
}
