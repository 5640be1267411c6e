package org.mysqlreplication.protocol.auth;

import java.util.Optional;

/**
 * A client-side authentication plugin: one side of the conversation of the connection phase. The server names the
 * plugin in its handshake or in an auth switch request, with the plugin's data (a scramble or nonce);
 * {@link #start} answers that. Some plugins then get more data from the server ({@code AuthMoreData}: a
 * fast-auth result, a public key), each answered by {@link #moreData}; the conversation ends with the server's OK
 * or ERR, which the caller reads.
 *
 * <p>One instance serves one login ({@link #forName} makes a new one each time): a plugin may keep what it
 * learned in {@link #start} (the scramble) for its later steps. Not thread-safe.
 */
public interface AuthPlugin {

    /** The plugin name the server uses, e.g. {@code mysql_native_password}. */
    String name();

    /**
     * The first auth response, to {@code pluginData} from the handshake or an auth switch request (a trailing NUL
     * is allowed).
     *
     * @throws org.mysqlreplication.protocol.AuthenticationException if the plugin cannot go on with what
     *         {@code context} holds (e.g. a password to send without TLS or the server's key)
     */
    byte[] start(byte[] pluginData, AuthContext context);

    /**
     * The answer to {@code AuthMoreData} from the server ({@code data} after its 0x01), or empty when the plugin
     * sends nothing and waits for the server's next packet. By default a plugin has no such step.
     *
     * @throws org.mysqlreplication.net.ProtocolException if the plugin has no such step or {@code data} is not
     *         what it expects at this point
     * @throws org.mysqlreplication.protocol.AuthenticationException as for {@link #start}
     */
    default Optional<byte[]> moreData(byte[] data, AuthContext context) {
        throw new org.mysqlreplication.net.ProtocolException(context.where() + ": plugin " + name() + " received "
                + data.length + " bytes of more auth data, a step it does not have");
    }

    /**
     * A new instance of the plugin the server asked for.
     *
     * @throws UnsupportedAuthPluginException if this library has no plugin of that name
     */
    static AuthPlugin forName(String name) {
        return switch (name) {
            case MysqlNativePassword.NAME -> new MysqlNativePassword();
            case CachingSha2Password.NAME -> new CachingSha2Password();
            case Sha256Password.NAME -> new Sha256Password();
            case ClientEd25519.NAME -> new ClientEd25519();
            default -> throw new UnsupportedAuthPluginException(name);
        };
    }

    /** Whether {@link #forName} knows {@code name}. */
    static boolean isSupported(String name) {
        return switch (name) {
            case MysqlNativePassword.NAME, CachingSha2Password.NAME, Sha256Password.NAME, ClientEd25519.NAME -> true;
            default -> false;
        };
    }
}
