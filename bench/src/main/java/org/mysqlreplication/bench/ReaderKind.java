package org.mysqlreplication.bench;

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
    CONNECTOR_FILE("connector-file");

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

    /** Whether this reader reads every value of every row (the key readers read one column). */
    public boolean readsEveryValue() {
        return decodes() && this != OURS_NETWORK_KEY && this != OURS_NETWORK_LAZY_KEY;
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
