package org.mysqlreplication.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.net.ProtocolException;

/**
 * {@code Protocol::HandshakeV10}, the first packet the server sends: protocol version 10, server version
 * (NUL-terminated), connection id (4), auth-plugin-data part 1 (8), filler, capability flags (lower 2),
 * character set (1), status flags (2), capability flags (upper 2), length of auth-plugin-data (1),
 * 10 reserved bytes (MariaDB puts its extended capabilities in the last 4 when CLIENT_MYSQL is clear),
 * auth-plugin-data part 2 ({@code max(13, length - 8)} bytes, the last one a NUL), auth plugin name.
 *
 * @param rawServerVersion the version string as sent; MariaDB prefixes it with {@code 5.5.5-}
 * @param authPluginData the scramble: part 1 and part 2 without the terminating NUL (20 bytes as a rule)
 * @param authPluginName empty when the server lacks CLIENT_PLUGIN_AUTH
 */
record HandshakeV10(
        String rawServerVersion,
        long connectionId,
        byte[] authPluginData,
        int capabilities,
        int characterSet,
        int statusFlags,
        int mariadbCapabilities,
        String authPluginName) {

    private static final String MARIADB_REPLICATION_PREFIX = "5.5.5-";

    static HandshakeV10 parse(ByteReader r) {
        int protocolVersion = r.readUint8();
        if (protocolVersion != 10) {
            throw new ProtocolException("initial handshake: expected protocol version 10, found " + protocolVersion);
        }
        String version = r.readNulTerminatedString(StandardCharsets.UTF_8);
        long connectionId = r.readUint32();
        byte[] part1 = r.readBytes(8);
        r.skip(1);
        int capabilities = r.readUint16();
        if (!r.hasRemaining()) {
            return new HandshakeV10(version, connectionId, part1, capabilities, 0, 0, 0, "");
        }
        int charset = r.readUint8();
        int status = r.readUint16();
        capabilities |= r.readUint16() << 16;
        int dataLength = r.readUint8();
        r.skip(6);
        int reserved = r.readInt32();
        int mariadbCapabilities = (capabilities & CapabilityFlags.CLIENT_LONG_PASSWORD) == 0 ? reserved : 0;
        byte[] scramble = part1;
        if ((capabilities & CapabilityFlags.CLIENT_SECURE_CONNECTION) != 0) {
            int part2Length = Math.min(r.remaining(), Math.max(13, dataLength - 8));
            byte[] part2 = r.readBytes(part2Length);
            int keep = part2.length > 0 && part2[part2.length - 1] == 0 ? part2.length - 1 : part2.length;
            scramble = Arrays.copyOf(part1, 8 + keep);
            System.arraycopy(part2, 0, scramble, 8, keep);
        }
        String plugin = "";
        if ((capabilities & CapabilityFlags.CLIENT_PLUGIN_AUTH) != 0 && r.hasRemaining()) {
            plugin = readNulOrEofString(r);
        }
        return new HandshakeV10(
                version, connectionId, scramble, capabilities, charset, status, mariadbCapabilities, plugin);
    }

    /** Some old servers leave out the NUL after the plugin name. */
    private static String readNulOrEofString(ByteReader r) {
        for (int i = 0; i < r.remaining(); i++) {
            if (r.peekUint8(i) == 0) {
                return r.readNulTerminatedString(StandardCharsets.UTF_8);
            }
        }
        return r.readRemainingString(StandardCharsets.UTF_8);
    }

    /** The version as {@code SELECT @@version} shows it: MariaDB's {@code 5.5.5-} prefix removed. */
    String serverVersion() {
        return isMariaDb() && rawServerVersion.startsWith(MARIADB_REPLICATION_PREFIX)
                ? rawServerVersion.substring(MARIADB_REPLICATION_PREFIX.length())
                : rawServerVersion;
    }

    boolean isMariaDb() {
        return rawServerVersion.contains("MariaDB");
    }

    boolean hasCapability(int flag) {
        return (capabilities & flag) != 0;
    }
}
