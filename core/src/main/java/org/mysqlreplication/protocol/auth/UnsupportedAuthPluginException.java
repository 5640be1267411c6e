package org.mysqlreplication.protocol.auth;

import org.mysqlreplication.BinlogException;

/**
 * The server asked for an authentication plugin this library does not implement. The message names the
 * plugin and the ones supported.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnsupportedAuthPluginException extends BinlogException {

    private final String pluginName;

    public UnsupportedAuthPluginException(String pluginName) {
        super("server asked for authentication plugin '" + pluginName + "', which is not supported (supported: "
                + MysqlNativePassword.NAME + ", " + CachingSha2Password.NAME + ", " + Sha256Password.NAME + ", "
                + ClientEd25519.NAME + ")");
        this.pluginName = pluginName;
    }

    /** The plugin name the server sent. */
    public String pluginName() {
        return pluginName;
    }
}
