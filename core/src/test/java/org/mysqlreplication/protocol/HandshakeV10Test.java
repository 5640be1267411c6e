package org.mysqlreplication.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.net.PacketChannel;
import org.mysqlreplication.net.ProtocolException;

/** Handshakes as servers sent them, header included, read through {@link PacketChannel}. */
class HandshakeV10Test {

    /**
     * MySQL 5.7.18, as captured and annotated byte by byte in a public write-up of the handshake
     * (gist asd1245dss/3427f331cf4161174b879846fbcd5eda).
     */
    static final String MYSQL_5_7 = "4e000000" + "0a" + "352e372e31382d6c6f6700" + "127a2900" + "3358381844"
            + "5e1648" + "00" + "ffff" + "21" + "0200" + "ffc1" + "15" + "00000000000000000000"
            + "40791130" + "2a4161556477" + "6e0d00" + "6d7973716c5f6e61746976655f70617373776f726400";

    /** MariaDB 10.11.19 (Debian 12), captured from a local server for this test. */
    static final String MARIADB_10_11 = "640000000a352e352e352d31302e31312e31392d4d6172696144422d302b64656231"
            + "32753100030000006e73746c454f403200fef7080200ff81150000000000001d0000007622426450464b28237442"
            + "2d006d7973716c5f6e61746976655f70617373776f726400";

    static HandshakeV10 parse(String hex) {
        byte[] wire = HexFormat.of().parseHex(hex);
        PacketChannel ch = new PacketChannel(new ByteArrayInputStream(wire), OutputStream.nullOutputStream(), "t");
        ByteReader payload = ch.readPacket();
        HandshakeV10 h = HandshakeV10.parse(payload);
        assertThat(payload.remaining()).as("bytes left after the handshake").isZero();
        return h;
    }

    @Test
    void parsesMysql57Handshake() {
        HandshakeV10 h = parse(MYSQL_5_7);
        assertThat(h.rawServerVersion()).isEqualTo("5.7.18-log");
        assertThat(h.serverVersion()).isEqualTo("5.7.18-log");
        assertThat(h.isMariaDb()).isFalse();
        assertThat(h.connectionId()).isEqualTo(0x297a12L);
        assertThat(h.capabilities()).isEqualTo(0xc1ffffff);
        assertThat(h.characterSet()).isEqualTo(0x21);
        assertThat(h.statusFlags()).isEqualTo(2);
        assertThat(h.mariadbCapabilities()).isZero();
        assertThat(h.authPluginData())
                .isEqualTo(HexFormat.of().parseHex("33583818445e1648407911302a4161556477" + "6e0d"));
        assertThat(h.authPluginName()).isEqualTo("mysql_native_password");
        assertThat(h.hasCapability(CapabilityFlags.CLIENT_PLUGIN_AUTH)).isTrue();
        assertThat(h.hasCapability(CapabilityFlags.CLIENT_DEPRECATE_EOF)).isTrue(); // 5.7 offers it
        HandshakeResponse41 response = HandshakeResponse41.create(h.capabilities(), "u", new byte[0], null, "p");
        assertThat(response.has(CapabilityFlags.CLIENT_DEPRECATE_EOF))
                .as("we never ask for it")
                .isFalse();
    }

    @Test
    void parsesMariaDbHandshakeWithReplicationPrefixAndExtendedCapabilities() {
        HandshakeV10 h = parse(MARIADB_10_11);
        assertThat(h.rawServerVersion()).isEqualTo("5.5.5-10.11.19-MariaDB-0+deb12u1");
        assertThat(h.serverVersion()).isEqualTo("10.11.19-MariaDB-0+deb12u1");
        assertThat(h.isMariaDb()).isTrue();
        assertThat(h.connectionId()).isEqualTo(3);
        assertThat(h.capabilities()).isEqualTo(0x81fff7fe);
        assertThat(h.hasCapability(CapabilityFlags.CLIENT_LONG_PASSWORD)).isFalse(); // MariaDB's CLIENT_MYSQL
        assertThat(h.mariadbCapabilities()).isEqualTo(0x1d);
        assertThat(h.characterSet()).isEqualTo(8);
        assertThat(new String(h.authPluginData(), StandardCharsets.US_ASCII)).isEqualTo("nstlEO@2v\"BdPFK(#tB-");
        assertThat(h.authPluginName()).isEqualTo("mysql_native_password");
    }

    @Test
    void otherProtocolVersionIsAProtocolError() {
        byte[] payload = HexFormat.of().parseHex("09352e3000");
        assertThatThrownBy(() -> HandshakeV10.parse(ByteReader.of(payload)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("expected protocol version 10, found 9");
    }
}
