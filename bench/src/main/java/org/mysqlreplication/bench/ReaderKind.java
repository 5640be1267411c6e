package org.mysqlreplication.bench;

import java.util.ArrayList;
import java.util.List;

/** The readers the end-to-end benchmark compares, in the order of its table. Immutable. */
public enum ReaderKind {
    OURS_NETWORK("ours-network"),
    /** Ours over the network with lazy rows, reading every value. */
    OURS_NETWORK_LAZY("ours-network-lazy"),
    /** Ours over the network reading only the key of each row: what a cache invalidator reads. */
    OURS_NETWORK_KEY("ours-network-key"),
    /** The same with lazy rows: the other columns are never decoded. */
    OURS_NETWORK_LAZY_KEY("ours-network-lazy-key"),
    CONNECTOR_NETWORK("connector-network"),
    RAW_PACKETS("raw-packets"),
    OURS_FILE("ours-file"),
    CONNECTOR_FILE("connector-file"),
    /** Ours over the network, every row written by {@code JsonLines} as UTF-8 bytes to a null stream. */
    OURS_JSON("ours-json"),
    /** Maxwell's stdout producer (JSON per row), in its own class path; not in the default set (slow). */
    MAXWELL("maxwell"),
    /** Debezium embedded, MariaDB connector, JSON without schemas; own class path; not in the default set. */
    DEBEZIUM("debezium");

    private final String label;

    ReaderKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this reader decodes rows (the raw packet reader does not). */
    public boolean decodes() {
        return this != RAW_PACKETS;
    }

    /** Whether this reader turns rows into JSON (its checksums are not the value fold's). */
    public boolean writesJson() {
        return this == OURS_JSON || this == MAXWELL || this == DEBEZIUM;
    }

    /** Whether this reader folds every value of every row (the key readers read one column). */
    public boolean readsEveryValue() {
        return decodes() && !writesJson() && this != OURS_NETWORK_KEY && this != OURS_NETWORK_LAZY_KEY;
    }

    /** Whether this reader runs from another project's class path (built by {@code bin/bench} on demand). */
    public boolean external() {
        return this == MAXWELL || this == DEBEZIUM;
    }

    /** The default set: every reader but the external (slow) ones. */
    public static List<ReaderKind> defaults() {
        List<ReaderKind> out = new ArrayList<>();
        for (ReaderKind k : values()) {
            if (!k.external()) {
                out.add(k);
            }
        }
        return out;
    }

    public static ReaderKind ofLabel(String label) {
        for (ReaderKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown reader " + label);
    }
}
