package org.mysqlreplication.protocol;

import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.net.PacketChannel;
import org.mysqlreplication.net.ProtocolException;
import org.mysqlreplication.protocol.auth.AuthPlugin;
import org.mysqlreplication.protocol.auth.MysqlNativePassword;
import org.mysqlreplication.protocol.auth.UnsupportedAuthPluginException;

/**
 * The connection phase: read {@link HandshakeV10}, answer with {@link HandshakeResponse41} carrying a
 * {@code mysql_native_password} response, then follow auth switch requests until the server says OK or ERR.
 * We always start with mysql_native_password: the server switches to the plugin of the account if it differs
 * (MariaDB: {@code client_ed25519}), which works whatever the server's default plugin is.
 */
final class Login {

    /** A login needs one switch at most; more means a server going in circles. */
    private static final int MAX_ROUNDS = 4;

    private Login() {
    }

    static HandshakeV10 perform(PacketChannel channel, ConnectionSettings settings) {
        String context = "login to " + settings.peer() + " as '" + settings.user() + "'";
        ByteReader first = channel.readPacket();
        if (first.remaining() > 0 && first.peekUint8(0) == ErrPacket.HEADER) {
            throw ErrPacket.parse(first).toLoginException(context);
        }
        HandshakeV10 handshake = HandshakeV10.parse(first);
        requireCapability(handshake, CapabilityFlags.CLIENT_PROTOCOL_41, "CLIENT_PROTOCOL_41", context);
        requireCapability(handshake, CapabilityFlags.CLIENT_SECURE_CONNECTION, "CLIENT_SECURE_CONNECTION", context);
        AuthPlugin plugin = new MysqlNativePassword();
        byte[] response = plugin.authResponse(handshake.authPluginData(), settings.password());
        channel.writePacket(HandshakeResponse41.create(handshake.capabilities(), settings.user(), response,
                settings.database(), plugin.name()).toPayload());
        for (int round = 0; round < MAX_ROUNDS; round++) {
            ByteReader p = channel.readPacket();
            if (p.remaining() == 0) {
                throw new ProtocolException(context + ": empty packet where OK, ERR or auth switch was expected");
            }
            switch (p.peekUint8(0)) {
                case OkPacket.HEADER -> {
                    OkPacket.parse(p);
                    return handshake;
                }
                case ErrPacket.HEADER -> throw ErrPacket.parse(p).toLoginException(context);
                case AuthSwitchRequest.HEADER -> {
                    if (p.remaining() == 1) { // pre-4.1 "use the old password hash" request
                        throw new UnsupportedAuthPluginException("mysql_old_password");
                    }
                    AuthSwitchRequest request = AuthSwitchRequest.parse(p);
                    plugin = AuthPlugin.forName(request.pluginName());
                    channel.writePacket(plugin.authResponse(request.pluginData(), settings.password()));
                }
                case AuthMoreData.HEADER -> throw new ProtocolException(context + ": plugin " + plugin.name()
                        + " received " + AuthMoreData.parse(p).data().length
                        + " bytes of more auth data, a step it does not have");
                default -> throw new ProtocolException(context + ": expected OK (0x00), ERR (0xFF), auth switch"
                        + " (0xFE) or more data (0x01), found header 0x" + Integer.toHexString(p.peekUint8(0)));
            }
        }
        throw new ProtocolException(context + ": no OK after " + MAX_ROUNDS + " authentication rounds");
    }

    private static void requireCapability(HandshakeV10 handshake, int flag, String name, String context) {
        if (!handshake.hasCapability(flag)) {
            throw new ProtocolException(context + ": server " + handshake.rawServerVersion() + " lacks " + name
                    + " (capabilities 0x" + Integer.toHexString(handshake.capabilities()) + ")");
        }
    }
}
