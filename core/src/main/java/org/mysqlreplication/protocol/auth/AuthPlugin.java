package org.mysqlreplication.protocol.auth;

/**
 * A client-side authentication plugin: turns the data the server sent (scramble or nonce) and the password
 * into the bytes the client answers with. One implementation per plugin, named by the plugin's client-side
 * name as the server asks for it in the handshake or an auth switch request.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface AuthPlugin {

    /** The plugin name the server uses, e.g. {@code mysql_native_password}. */
    String name();

    /**
     * The auth response for {@code pluginData} from the server and {@code password} (never null; empty for
     * no password).
     */
    byte[] authResponse(byte[] pluginData, String password);

    /**
     * The plugin the server asked for.
     *
     * @throws UnsupportedAuthPluginException if this library has no plugin of that name
     */
    static AuthPlugin forName(String name) {
        return switch (name) {
            case MysqlNativePassword.NAME -> new MysqlNativePassword();
            case ClientEd25519.NAME -> new ClientEd25519();
            default -> throw new UnsupportedAuthPluginException(name);
        };
    }
}
