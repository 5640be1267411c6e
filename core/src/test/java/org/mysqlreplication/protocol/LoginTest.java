package org.mysqlreplication.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.net.PacketChannel;
import org.mysqlreplication.net.ProtocolException;
import org.mysqlreplication.protocol.auth.ClientEd25519;
import org.mysqlreplication.protocol.auth.Contexts;
import org.mysqlreplication.protocol.auth.MysqlNativePassword;
import org.mysqlreplication.protocol.auth.UnsupportedAuthPluginException;

/** The connection phase against scripted server packets (the MariaDB handshake captured in HandshakeV10Test). */
class LoginTest {

    private static final ConnectionSettings SETTINGS = ConnectionSettings.builder()
            .host("h")
            .port(1)
            .user("ed_user")
            .password("pw-123")
            .build();
    private static final byte[] NONCE =
            HexFormat.of().parseHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf");

    private static String packet(int seq, byte[] body) {
        int len = body.length;
        return String.format("%02x%02x%02x%02x", len & 0xff, len >> 8 & 0xff, len >> 16, seq)
                + HexFormat.of().formatHex(body);
    }

    private static byte[] concat(String hex, byte[] tail) {
        byte[] head = HexFormat.of().parseHex(hex);
        byte[] out = new byte[head.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    private static byte[] authSwitch(String plugin, byte[] data) {
        return concat("fe" + HexFormat.of().formatHex(plugin.getBytes(StandardCharsets.US_ASCII)) + "00", data);
    }

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

    private PacketChannel server(String... packetsAfterHandshake) {
        String wire = HandshakeV10Test.MARIADB_10_11 + String.join("", packetsAfterHandshake);
        return new PacketChannel(new ByteArrayInputStream(HexFormat.of().parseHex(wire)), sent, "h:1");
    }

    /** The packets the client sent, as (sequence id, payload). */
    private record Sent(int seq, byte[] payload) {}

    private List<Sent> sentPackets() {
        ByteReader r = ByteReader.of(sent.toByteArray());
        List<Sent> out = new ArrayList<>();
        while (r.hasRemaining()) {
            int len = r.readUint24();
            int seq = r.readUint8();
            out.add(new Sent(seq, r.readBytes(len)));
        }
        return out;
    }

    private static final String OK = packet(4, HexFormat.of().parseHex("00000002000000"));

    @Test
    void followsAnAuthSwitchToEd25519() {
        PacketChannel ch = server(packet(2, authSwitch("client_ed25519", NONCE)), OK);
        HandshakeV10 h = Login.perform(ch, SETTINGS);
        assertThat(h.connectionId()).isEqualTo(3);

        List<Sent> packets = sentPackets();
        assertThat(packets).extracting(Sent::seq).containsExactly(1, 3);
        ByteReader response = ByteReader.of(packets.get(0).payload());
        response.skip(4 + 4 + 1 + 23);
        assertThat(response.readNulTerminatedString()).isEqualTo("ed_user");
        byte[] scramble = h.authPluginData();
        assertThat(response.readBytes(response.readLenencLength()))
                .isEqualTo(new MysqlNativePassword().start(scramble, Contexts.of("pw-123")));
        assertThat(response.readNulTerminatedString()).isEqualTo("mysql_native_password");
        assertThat(response.hasRemaining()).isFalse();
        assertThat(packets.get(1).payload())
                .hasSize(64)
                .isEqualTo(new ClientEd25519().start(NONCE, Contexts.of("pw-123")));
    }

    @Test
    void okWithoutSwitch() {
        Login.perform(server(packet(2, HexFormat.of().parseHex("00000002000000"))), SETTINGS);
        assertThat(sentPackets()).hasSize(1);
    }

    @Test
    void accessDeniedIsAnAuthenticationException() {
        byte[] err =
                concat("ff1504233238303030", "Access denied for user 'ed_user'@'h'".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Login.perform(server(packet(2, err)), SETTINGS))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(1045);
                    assertThat(e.sqlState()).isEqualTo("28000");
                })
                .hasMessageContaining("login to h:1 as 'ed_user'")
                .hasMessageNotContaining("pw-123");
    }

    @Test
    void errorInsteadOfHandshakeIsAServerError() {
        byte[] err = concat("ff1004", "Too many connections".getBytes(StandardCharsets.UTF_8));
        PacketChannel ch =
                new PacketChannel(new ByteArrayInputStream(HexFormat.of().parseHex(packet(0, err))), sent, "h:1");
        assertThatThrownBy(() -> Login.perform(ch, SETTINGS))
                .isInstanceOfSatisfying(
                        ServerErrorException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(1040))
                .isNotInstanceOf(AuthenticationException.class);
    }

    @Test
    void switchToAnUnknownPluginNamesIt() {
        PacketChannel ch = server(packet(2, authSwitch("dialog", new byte[] {1, 2})));
        assertThatThrownBy(() -> Login.perform(ch, SETTINGS))
                .isInstanceOfSatisfying(
                        UnsupportedAuthPluginException.class,
                        e -> assertThat(e.pluginName()).isEqualTo("dialog"));
    }

    @Test
    void moreDataForAPluginWithoutSuchStepIsAProtocolError() {
        PacketChannel ch = server(packet(2, new byte[] {1, 3}));
        assertThatThrownBy(() -> Login.perform(ch, SETTINGS))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("mysql_native_password")
                .hasMessageContaining("more auth data");
    }
}
