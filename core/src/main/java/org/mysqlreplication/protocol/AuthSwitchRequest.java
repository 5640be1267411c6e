package org.mysqlreplication.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.mysqlreplication.io.ByteReader;

/**
 * {@code Protocol::AuthSwitchRequest}: {@code 0xFE}, the name of the plugin the server wants (NUL-terminated),
 * then that plugin's data to the end (for mysql_native_password, caching_sha2_password and sha256_password a new
 * 20-byte scramble and a NUL; for MariaDB's ed25519 the 32-byte nonce). The client answers with the named plugin's
 * first response, which starts that plugin's conversation.
 */
record AuthSwitchRequest(String pluginName, byte[] pluginData) {

    static final int HEADER = 0xFE;

    static AuthSwitchRequest parse(ByteReader r) {
        int header = r.readUint8();
        if (header != HEADER) {
            throw new IllegalArgumentException("not an auth switch request: header " + header);
        }
        String name = r.readNulTerminatedString(StandardCharsets.UTF_8);
        return new AuthSwitchRequest(name, r.readRemainingBytes());
    }

    @Override
    public String toString() {
        return "AuthSwitchRequest[pluginName=" + pluginName + ", pluginData=" + pluginData.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthSwitchRequest a
                && a.pluginName.equals(pluginName)
                && Arrays.equals(a.pluginData, pluginData);
    }

    @Override
    public int hashCode() {
        return pluginName.hashCode() * 31 + Arrays.hashCode(pluginData);
    }
}
