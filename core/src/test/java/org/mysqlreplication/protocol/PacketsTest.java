package org.mysqlreplication.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.io.ByteReader;

/** OK, ERR, EOF, auth switch and more-data payloads; the hex examples are the MySQL protocol documentation's. */
class PacketsTest {

    private static ByteReader payload(String hex) {
        return ByteReader.of(HexFormat.of().parseHex(hex));
    }

    @Test
    void okPacketFromTheDocumentation() {
        // "07 00 00 02 00 00 00 02 00 00 00": affected rows 0, last insert id 0, SERVER_STATUS_AUTOCOMMIT, no warnings
        OkPacket ok = OkPacket.parse(payload("0000000200 0000".replace(" ", "")));
        assertThat(ok).isEqualTo(new OkPacket(0, 0, 2, 0, ""));
        assertThat(ok.moreResultsExist()).isFalse();
    }

    @Test
    void okPacketWithLengthEncodedCountsAndInfo() {
        ByteReader r = payload("00" + "fc1027" + "fd010203" + "0a00" + "0100"
                + HexFormat.of().formatHex("Rows matched: 1".getBytes(StandardCharsets.UTF_8)));
        assertThat(OkPacket.parse(r)).isEqualTo(new OkPacket(10000, 0x030201, 0x0a, 1, "Rows matched: 1"));
        assertThat(new OkPacket(0, 0, 0x0a, 0, "").moreResultsExist()).isTrue();
    }

    @Test
    void errPacketFromTheDocumentation() {
        // "17 00 00 01 ff 48 04 23 48 59 30 30 30 4e 6f 20 74 61 62 6c 65 73 20 75 73 65 64"
        ErrPacket err = ErrPacket.parse(payload("ff4804234859303030" + "4e6f207461626c65732075736564"));
        assertThat(err).isEqualTo(new ErrPacket(1096, "HY000", "No tables used"));
        ServerErrorException e = err.toException("COM_QUERY");
        assertThat(e)
                .isNotInstanceOf(AuthenticationException.class)
                .hasMessage("COM_QUERY: server error 1096 (SQLSTATE HY000): No tables used");
        assertThat(e.errorCode()).isEqualTo(1096);
    }

    @Test
    void errPacketWithoutSqlStateAsSentBeforeTheHandshake() {
        ErrPacket err = ErrPacket.parse(
                payload("ff1004" + HexFormat.of().formatHex("Too many connections".getBytes(StandardCharsets.UTF_8))));
        assertThat(err).isEqualTo(new ErrPacket(1040, "HY000", "Too many connections"));
        assertThat(err.toLoginException("login")).isNotInstanceOf(AuthenticationException.class);
    }

    @Test
    void accessDeniedDuringLoginIsAnAuthenticationException() {
        ErrPacket err = ErrPacket.parse(payload(
                "ff1504233238303030" + HexFormat.of().formatHex("Access denied".getBytes(StandardCharsets.UTF_8))));
        ServerErrorException e = err.toLoginException("login to h:1 as 'u'");
        assertThat(e).isInstanceOf(AuthenticationException.class);
        assertThat(e.errorCode()).isEqualTo(1045);
        assertThat(e.sqlState()).isEqualTo("28000");
        assertThat(e.serverMessage()).isEqualTo("Access denied");
    }

    @Test
    void eofPacketFromTheDocumentation() {
        // "05 00 00 05 fe 00 00 02 00"
        ByteReader r = payload("fe00000200");
        assertThat(EofPacket.isEof(r)).isTrue();
        assertThat(EofPacket.parse(r)).isEqualTo(new EofPacket(0, 2));
    }

    @Test
    void aLongPayloadStartingWithFeIsNotEof() {
        assertThat(EofPacket.isEof(payload("fe0102030405060708"))).isFalse(); // 9 bytes: a lenenc value
        assertThat(EofPacket.isEof(payload("fe01020304050607"))).isTrue();
        assertThat(EofPacket.isEof(payload("0001020304"))).isFalse();
    }

    @Test
    void authSwitchRequestCarriesPluginNameAndData() {
        String nonce = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
        AuthSwitchRequest r = AuthSwitchRequest.parse(payload(
                "fe" + HexFormat.of().formatHex("client_ed25519".getBytes(StandardCharsets.US_ASCII)) + "00" + nonce));
        assertThat(r.pluginName()).isEqualTo("client_ed25519");
        assertThat(HexFormat.of().formatHex(r.pluginData())).isEqualTo(nonce);
        assertThat(r.toString()).contains("32 bytes").doesNotContain("0001");
    }

    @Test
    void authMoreDataCarriesTheRest() {
        assertThat(AuthMoreData.parse(payload("0103")).data()).containsExactly(3);
    }
}
