package org.mysqlreplication.testing.replay;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.net.ssl.SSLSocket;

/**
 * The connection phase on the server's side, after {@code sql/auth/sql_authentication.cc} and the plugins'
 * {@code *_authenticate} functions: the handshake with a fresh scramble, the optional switch to TLS, the client's
 * {@code HandshakeResponse41}, an auth switch when the client's plugin is not the account's, then the account's
 * plugin's conversation, ending in OK or ERR 1045. Never logs or reports a password. Not thread-safe: one per
 * session.
 */
final class ServerLogin {

    private static final int CLIENT_CONNECT_WITH_DB = 1 << 3;
    private static final int CLIENT_SSL = 1 << 11;
    private static final int CLIENT_SECURE_CONNECTION = 1 << 15;
    private static final int CLIENT_PLUGIN_AUTH = 1 << 19;
    private static final int CLIENT_CONNECT_ATTRS = 1 << 20;
    private static final int CLIENT_PLUGIN_AUTH_LENENC = 1 << 21;
    /** LONG_PASSWORD, FOUND_ROWS, LONG_FLAG, CONNECT_WITH_DB, PROTOCOL_41, TRANSACTIONS, SECURE_CONNECTION,
     *  MULTI_STATEMENTS, MULTI_RESULTS, PLUGIN_AUTH, CONNECT_ATTRS, PLUGIN_AUTH_LENENC_CLIENT_DATA. */
    static final int CAPABILITIES = 1
            | 2
            | 4
            | CLIENT_CONNECT_WITH_DB
            | 1 << 9
            | 1 << 13
            | CLIENT_SECURE_CONNECTION
            | 1 << 16
            | 1 << 17
            | CLIENT_PLUGIN_AUTH
            | CLIENT_CONNECT_ATTRS
            | CLIENT_PLUGIN_AUTH_LENENC;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerConfig config;
    private final ServerPackets packets;
    private final long connectionId;
    private Socket socket;
    private boolean tls;
    private byte[] scramble;
    private ReplayLogin.Path path;

    ServerLogin(ServerConfig config, ServerPackets packets, Socket socket, long connectionId) {
        this.config = config;
        this.packets = packets;
        this.socket = socket;
        this.connectionId = connectionId;
    }

    /** The socket after the login: the TLS socket if the client switched to TLS. */
    Socket socket() {
        return socket;
    }

    /** Runs the connection phase; the user logged in, or null after an ERR was sent. */
    ReplayUser run() throws IOException {
        scramble = newScramble();
        packets.write(handshake());
        byte[] response = packets.read();
        if (response.length == 32 && (new PayloadIn(response).intN(4) & CLIENT_SSL) != 0) {
            if (config.sslContext() == null) {
                throw new ReplayProtocolException("client asked for TLS, which this server does not offer");
            }
            startTls();
            response = packets.read();
        }
        PayloadIn in = new PayloadIn(response);
        int caps = (int) in.intN(4);
        in.skip(4 + 1 + 23);
        String userName = in.nulString();
        byte[] authData = (caps & CLIENT_PLUGIN_AUTH_LENENC) != 0
                ? in.bytes((int) in.lenencInt())
                : (caps & CLIENT_SECURE_CONNECTION) != 0
                        ? in.bytes(in.int8())
                        : in.nulString().getBytes(StandardCharsets.UTF_8);
        if ((caps & CLIENT_CONNECT_WITH_DB) != 0 && in.remaining() > 0) {
            in.nulString();
        }
        String clientPlugin = (caps & CLIENT_PLUGIN_AUTH) != 0 && in.remaining() > 0
                ? in.nulString()
                : ReplayAuthPlugin.MYSQL_NATIVE_PASSWORD.pluginName();
        ReplayUser user = config.users().get(userName);
        if (user == null) {
            config.logins().add(new ReplayLogin(userName, null, ReplayLogin.Path.UNKNOWN_USER, false));
            return denied(userName, authData.length > 0);
        }
        if (!clientPlugin.equals(user.plugin().pluginName())) {
            scramble = newScramble();
            packets.write(new PayloadOut()
                    .int8(0xFE)
                    .nulString(user.plugin().pluginName())
                    .bytes(scramble)
                    .int8(0)
                    .toByteArray());
            authData = packets.read();
        }
        boolean noPassword = authData.length == 0 || authData.length == 1 && authData[0] == 0;
        path = noPassword ? ReplayLogin.Path.NO_PASSWORD : ReplayLogin.Path.NATIVE_SCRAMBLE;
        boolean accepted = switch (user.plugin()) {
            case MYSQL_NATIVE_PASSWORD -> ServerPasswords.nativeMatches(authData, scramble, user.password());
            case CACHING_SHA2_PASSWORD -> cachingSha2(user, authData);
            case SHA256_PASSWORD -> sha256(user, authData);
        };
        config.logins().add(new ReplayLogin(userName, user.plugin(), path, accepted));
        if (!accepted) {
            return denied(userName, !noPassword);
        }
        packets.write(ServerReplies.ok());
        return user;
    }

    private byte[] handshake() {
        int caps = CAPABILITIES | (config.sslContext() != null ? CLIENT_SSL : 0);
        return new PayloadOut()
                .int8(10)
                .nulString(config.version())
                .int32(connectionId)
                .bytes(Arrays.copyOf(scramble, 8))
                .int8(0)
                .int16(caps & 0xFFFF)
                .int8(255)
                .int16(ServerReplies.STATUS)
                .int16(caps >>> 16)
                .int8(21)
                .zeros(10)
                .bytes(Arrays.copyOfRange(scramble, 8, 20))
                .int8(0)
                .nulString(config.defaultPlugin().pluginName())
                .toByteArray();
    }

    private void startTls() throws IOException {
        SSLSocket ssl = (SSLSocket) config.sslContext()
                .getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.startHandshake();
        packets.over(ssl.getInputStream(), ssl.getOutputStream());
        socket = ssl;
        tls = true;
    }

    /** {@code caching_sha2_password_authenticate}: fast path from the cache, else full authentication. */
    private boolean cachingSha2(ReplayUser user, byte[] first) throws IOException {
        if (first.length == 0 || first.length == 1 && first[0] == 0) {
            return user.password().isEmpty();
        }
        if (first.length != 32) {
            return false;
        }
        if (config.fullyAuthenticated().contains(user.name())
                && ServerPasswords.sha2ScrambleMatches(first, scramble, user.password())) {
            packets.write(new byte[] {1, 3});
            path = ReplayLogin.Path.FAST;
            return true;
        }
        packets.write(new byte[] {1, 4});
        String password = fullPassword(
                packets.read(),
                (byte) 2,
                config.versionAtLeast(8, 0, 5) ? ServerPasswords.OAEP : ServerPasswords.PKCS1);
        boolean ok = password != null && password.equals(user.password());
        if (ok) {
            config.fullyAuthenticated().add(user.name());
        }
        return ok;
    }

    /** {@code sha256_password_authenticate}: the password every time. */
    private boolean sha256(ReplayUser user, byte[] first) throws IOException {
        if (first.length == 0 || first.length == 1 && first[0] == 0) {
            return user.password().isEmpty();
        }
        String password = fullPassword(first, (byte) 1, ServerPasswords.OAEP);
        return password != null && !user.password().isEmpty() && password.equals(user.password());
    }

    /**
     * The password from the client's packet: in clear over TLS; else the RSA ciphertext, after sending the PEM
     * public key if the packet is the key request byte.
     */
    private String fullPassword(byte[] packet, byte keyRequest, String transformation) throws IOException {
        if (tls) {
            path = ReplayLogin.Path.TLS;
            return ServerPasswords.untilNul(packet);
        }
        path = ReplayLogin.Path.RSA;
        if (packet.length == 1 && packet[0] == keyRequest) {
            path = ReplayLogin.Path.RSA_KEY_REQUESTED;
            byte[] pem = config.publicKeyPem();
            byte[] more = Arrays.copyOf(new byte[] {1}, pem.length + 1);
            System.arraycopy(pem, 0, more, 1, pem.length);
            packets.write(more);
            packet = packets.read();
        }
        return ServerPasswords.decrypt(packet, scramble, config.rsaKeys().getPrivate(), transformation);
    }

    private ReplayUser denied(String userName, boolean usingPassword) throws IOException {
        packets.write(ServerReplies.err(
                1045,
                "28000",
                "Access denied for user '" + userName + "'@'"
                        + socket.getInetAddress().getHostAddress() + "' (using password: "
                        + (usingPassword ? "YES" : "NO")
                        + ")"));
        return null;
    }

    /** 20 printable ASCII bytes, no NUL and no '$' (as {@code generate_user_salt}): clients read it as a string. */
    private static byte[] newScramble() {
        byte[] s = new byte[20];
        for (int i = 0; i < s.length; i++) {
            byte b;
            do {
                b = (byte) (0x21 + RANDOM.nextInt(0x7F - 0x21));
            } while (b == '$');
            s[i] = b;
        }
        return s;
    }
}
