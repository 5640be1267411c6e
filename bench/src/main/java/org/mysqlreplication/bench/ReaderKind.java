package org.mysqlreplication.bench;

/** The readers the end-to-end benchmark compares, in the order of its table. Immutable. */
public enum ReaderKind {
    OURS_NETWORK("ours-network"),
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

    public static ReaderKind ofLabel(String label) {
        for (ReaderKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown reader " + label);
    }
}
