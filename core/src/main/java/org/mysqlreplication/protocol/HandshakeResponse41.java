package org.mysqlreplication.protocol;

import org.mysqlreplication.net.PayloadWriter;

/**
 * {@code Protocol::HandshakeResponse41}, the client's answer to the handshake: capability flags (4), max
 * packet size (4), character set (1), 23 zero bytes (MariaDB: 19 + extended capabilities, zero because we set
 * CLIENT_MYSQL), user name (NUL), auth response (length-encoded with CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA,
 * else a 1-byte length), database (NUL, with CLIENT_CONNECT_WITH_DB), auth plugin name (NUL, with
 * CLIENT_PLUGIN_AUTH).
 *
 * <p>Over TLS the client first sends an {@code SSLRequest}: the first 32 bytes of this response, up to the user
 * name, with {@code CLIENT_SSL} set ({@link #sslRequestPayload()}); after the TLS handshake the whole response
 * follows, with the same flags.
 *
 * <p>{@code toString()} leaves out the auth response.
 */
record HandshakeResponse41(
        int capabilities,
        int maxPacketSize,
        int characterSet,
        String user,
        byte[] authResponse,
        String database,
        String authPluginName) {

    /** The flags we ask for, before masking with what the server offers. */
    static final int CLIENT_FLAGS = CapabilityFlags.CLIENT_LONG_PASSWORD
            | CapabilityFlags.CLIENT_LONG_FLAG
            | CapabilityFlags.CLIENT_PROTOCOL_41
            | CapabilityFlags.CLIENT_TRANSACTIONS
            | CapabilityFlags.CLIENT_SECURE_CONNECTION
            | CapabilityFlags.CLIENT_MULTI_RESULTS
            | CapabilityFlags.CLIENT_PLUGIN_AUTH
            | CapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA;

    /** utf8mb4_general_ci: text results come back as UTF-8. */
    static final int UTF8MB4_GENERAL_CI = 45;

    static final int MAX_PACKET_SIZE = 1 << 30;

    /** The response to a server offering {@code serverCapabilities}; {@code database} may be null. */
    static HandshakeResponse41 create(
            int serverCapabilities, String user, byte[] authResponse, String database, String authPluginName) {
        return create(serverCapabilities, user, authResponse, database, authPluginName, false);
    }

    /** As {@link #create(int, String, byte[], String, String)}, asking for {@code CLIENT_SSL} if {@code ssl}. */
    static HandshakeResponse41 create(
            int serverCapabilities,
            String user,
            byte[] authResponse,
            String database,
            String authPluginName,
            boolean ssl) {
        int flags = CLIENT_FLAGS
                | (database != null ? CapabilityFlags.CLIENT_CONNECT_WITH_DB : 0)
                | (ssl ? CapabilityFlags.CLIENT_SSL : 0);
        return new HandshakeResponse41(
                flags & serverCapabilities,
                MAX_PACKET_SIZE,
                UTF8MB4_GENERAL_CI,
                user,
                authResponse,
                database,
                authPluginName);
    }

    boolean has(int flag) {
        return (capabilities & flag) != 0;
    }

    /** {@code Protocol::SSLRequest}: capability flags, max packet size, character set and 23 zero bytes. */
    byte[] sslRequestPayload() {
        return fixedPart().toByteArray();
    }

    byte[] toPayload() {
        PayloadWriter w = fixedPart().nulString(user);
        if (has(CapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA)) {
            w.lenencBytes(authResponse);
        } else {
            w.int8Bytes(authResponse);
        }
        if (has(CapabilityFlags.CLIENT_CONNECT_WITH_DB)) {
            w.nulString(database);
        }
        if (has(CapabilityFlags.CLIENT_PLUGIN_AUTH)) {
            w.nulString(authPluginName);
        }
        return w.toByteArray();
    }

    private PayloadWriter fixedPart() {
        return new PayloadWriter()
                .int32(capabilities)
                .int32(maxPacketSize)
                .int8(characterSet)
                .zeros(23);
    }

    @Override
    public String toString() {
        return "HandshakeResponse41[capabilities=0x" + Integer.toHexString(capabilities) + ", user=" + user
                + ", database=" + database + ", authPluginName=" + authPluginName + "]";
    }
}
