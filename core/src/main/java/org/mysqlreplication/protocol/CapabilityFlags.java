package org.mysqlreplication.protocol;

/**
 * The capability flags of the connection phase, with the names and values of MySQL's
 * {@code include/mysql_com.h} ({@code CLIENT_*}). MariaDB calls bit 0 {@code CLIENT_MYSQL}: a client that sets
 * it is treated as a MySQL client, so the server sends no MariaDB extended capabilities.
 *
 * <p>Constants only; thread-safe.
 */
public final class CapabilityFlags {

    public static final int CLIENT_LONG_PASSWORD = 1;
    public static final int CLIENT_FOUND_ROWS = 1 << 1;
    public static final int CLIENT_LONG_FLAG = 1 << 2;
    public static final int CLIENT_CONNECT_WITH_DB = 1 << 3;
    public static final int CLIENT_PROTOCOL_41 = 1 << 9;
    public static final int CLIENT_SSL = 1 << 11;
    public static final int CLIENT_TRANSACTIONS = 1 << 13;
    public static final int CLIENT_SECURE_CONNECTION = 1 << 15;
    public static final int CLIENT_MULTI_RESULTS = 1 << 17;
    public static final int CLIENT_PLUGIN_AUTH = 1 << 19;
    public static final int CLIENT_CONNECT_ATTRS = 1 << 20;
    public static final int CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA = 1 << 21;
    public static final int CLIENT_DEPRECATE_EOF = 1 << 24;

    private CapabilityFlags() {}
}
