package org.mysqlreplication.protocol;

import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.net.PacketChannel;
import org.mysqlreplication.net.ProtocolException;
import org.mysqlreplication.protocol.auth.AuthContext;
import org.mysqlreplication.protocol.auth.AuthPlugin;
import org.mysqlreplication.protocol.auth.MysqlNativePassword;
import org.mysqlreplication.protocol.auth.UnsupportedAuthPluginException;

/**
 * The connection phase: read {@link HandshakeV10}, optionally switch to TLS (an {@code SSLRequest}, then the
 * caller's TLS handshake), answer with {@link HandshakeResponse41} carrying the first response of an
 * {@link AuthPlugin}, then carry the plugin's conversation until the server says OK or ERR: an auth switch request
 * starts the plugin it names, {@code AuthMoreData} goes to the current plugin, which may answer.
 *
 * <p>The first plugin is the one the server names in its handshake (its default: caching_sha2_password on MySQL 8
 * and later, mysql_native_password on MariaDB) when we have it, else mysql_native_password; the server switches
 * to the account's plugin if it differs, which works whatever its default is.
 */
final class Login {

    /**
     * The longest conversation: switch, scramble, full authentication, key request, encrypted password, OK; more
     * means a server going in circles.
     */
    private static final int MAX_ROUNDS = 8;

    private Login() {}

    /** Reads the handshake and logs in without TLS. */
    static HandshakeV10 perform(PacketChannel channel, ConnectionSettings settings) {
        HandshakeV10 handshake = readHandshake(channel, settings);
        authenticate(channel, handshake, settings, false);
        return handshake;
    }

    /** Reads the server's first packet: its handshake, or the ERR it sends instead (too many connections...). */
    static HandshakeV10 readHandshake(PacketChannel channel, ConnectionSettings settings) {
        String context = context(settings);
        ByteReader first = channel.readPacket(ReplyLimits.MAX_PACKET);
        if (first.remaining() > 0 && first.peekUint8(0) == ErrPacket.HEADER) {
            throw ErrPacket.parse(first).toLoginException(context);
        }
        HandshakeV10 handshake = HandshakeV10.parse(first);
        requireCapability(handshake, CapabilityFlags.CLIENT_PROTOCOL_41, "CLIENT_PROTOCOL_41", context);
        requireCapability(handshake, CapabilityFlags.CLIENT_SECURE_CONNECTION, "CLIENT_SECURE_CONNECTION", context);
        return handshake;
    }

    /** Sends the {@code SSLRequest}; the caller then runs the TLS handshake and {@link #authenticate} over it. */
    static void requestTls(PacketChannel channel, HandshakeV10 handshake, ConnectionSettings settings) {
        channel.writePacket(response(handshake, settings, new byte[0], "", true).sslRequestPayload());
    }

    /**
     * Sends the {@link HandshakeResponse41} (with {@code CLIENT_SSL} if {@code tls}: the channel then runs over
     * TLS after {@link #requestTls}) and follows auth switch requests until OK.
     */
    static void authenticate(PacketChannel channel, HandshakeV10 handshake, ConnectionSettings settings, boolean tls) {
        String context = context(settings);
        AuthContext auth = new AuthContext(
                settings.password(),
                tls,
                settings.serverPublicKey(),
                settings.allowPublicKeyRetrieval(),
                handshake.serverVersion(),
                context);
        AuthPlugin plugin = AuthPlugin.forName(
                AuthPlugin.isSupported(handshake.authPluginName())
                        ? handshake.authPluginName()
                        : MysqlNativePassword.NAME);
        byte[] response = plugin.start(handshake.authPluginData(), auth);
        channel.writePacket(
                response(handshake, settings, response, plugin.name(), tls).toPayload());
        for (int round = 0; round < MAX_ROUNDS; round++) {
            ByteReader p = channel.readPacket(ReplyLimits.MAX_PACKET);
            if (p.remaining() == 0) {
                throw new ProtocolException(context + ": empty packet where OK, ERR or auth switch was expected");
            }
            switch (p.peekUint8(0)) {
                case OkPacket.HEADER -> {
                    OkPacket.parse(p);
                    return;
                }
                case ErrPacket.HEADER -> throw ErrPacket.parse(p).toLoginException(context);
                case AuthSwitchRequest.HEADER -> {
                    if (p.remaining() == 1) { // pre-4.1 "use the old password hash" request
                        throw new UnsupportedAuthPluginException("mysql_old_password");
                    }
                    AuthSwitchRequest request = AuthSwitchRequest.parse(p);
                    plugin = AuthPlugin.forName(request.pluginName());
                    channel.writePacket(plugin.start(request.pluginData(), auth));
                }
                case AuthMoreData.HEADER ->
                    plugin.moreData(AuthMoreData.parse(p).data(), auth).ifPresent(channel::writePacket);
                default ->
                    throw new ProtocolException(context + ": expected OK (0x00), ERR (0xFF), auth switch"
                            + " (0xFE) or more data (0x01), found header 0x" + Integer.toHexString(p.peekUint8(0)));
            }
        }
        throw new ProtocolException(context + ": no OK after " + MAX_ROUNDS + " authentication rounds");
    }

    private static HandshakeResponse41 response(
            HandshakeV10 handshake, ConnectionSettings settings, byte[] authResponse, String pluginName, boolean tls) {
        return HandshakeResponse41.create(
                handshake.capabilities(), settings.user(), authResponse, settings.database(), pluginName, tls);
    }

    private static String context(ConnectionSettings settings) {
        return "login to " + settings.peer() + " as '" + settings.user() + "'";
    }

    private static void requireCapability(HandshakeV10 handshake, int flag, String name, String context) {
        if (!handshake.hasCapability(flag)) {
            throw new ProtocolException(context + ": server " + handshake.rawServerVersion() + " lacks " + name
                    + " (capabilities 0x" + Integer.toHexString(handshake.capabilities()) + ")");
        }
    }
}
