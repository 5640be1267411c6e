package org.mysqlreplication.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The response bytes against the layout of {@code Protocol::HandshakeResponse41}, laid out by hand here. */
class HandshakeResponse41Test {

    private static final String AUTH = "0102030405060708090a0b0c0d0e0f1011121314";

    @Test
    void layoutWithDatabaseAndLengthEncodedAuthData() {
        HandshakeResponse41 r = HandshakeResponse41.create(
                0x81fff7fe | 1, "root", HexFormat.of().parseHex(AUTH), "db1", "mysql_native_password");
        // LONG_PASSWORD 1 | LONG_FLAG 4 | CONNECT_WITH_DB 8 | PROTOCOL_41 0x200 | TRANSACTIONS 0x2000
        // | SECURE_CONNECTION 0x8000 | MULTI_RESULTS 0x20000 | PLUGIN_AUTH 0x80000 | LENENC_CLIENT_DATA 0x200000
        assertThat(r.capabilities()).isEqualTo(0x002aa20d);
        String expected = "0da22a00" + "00000040" + "2d" + "00".repeat(23) + "726f6f7400" + "14" + AUTH + "64623100"
                + "6d7973716c5f6e61746976655f70617373776f726400";
        assertThat(HexFormat.of().formatHex(r.toPayload())).isEqualTo(expected);
    }

    @Test
    void withoutDatabaseNorLengthEncodedDataFromTheServer() {
        int server = CapabilityFlags.CLIENT_PROTOCOL_41
                | CapabilityFlags.CLIENT_SECURE_CONNECTION
                | CapabilityFlags.CLIENT_PLUGIN_AUTH
                | CapabilityFlags.CLIENT_CONNECT_WITH_DB;
        HandshakeResponse41 r = HandshakeResponse41.create(server, "u", new byte[0], null, "mysql_native_password");
        assertThat(r.capabilities())
                .isEqualTo(CapabilityFlags.CLIENT_PROTOCOL_41
                        | CapabilityFlags.CLIENT_SECURE_CONNECTION
                        | CapabilityFlags.CLIENT_PLUGIN_AUTH);
        String expected = "00820800" + "00000040" + "2d" + "00".repeat(23) + "7500" + "00"
                + "6d7973716c5f6e61746976655f70617373776f726400";
        assertThat(HexFormat.of().formatHex(r.toPayload())).isEqualTo(expected);
        assertThat(r.toString()).doesNotContain("authResponse");
    }

    @Test
    void sslRequestIsTheResponseUpToTheUserNameWithClientSsl() {
        // the server of the first test, offering CLIENT_SSL (0x800) too
        int server = 0x81fff7fe | 1 | CapabilityFlags.CLIENT_SSL;
        HandshakeResponse41 r = HandshakeResponse41.create(
                server, "root", HexFormat.of().parseHex(AUTH), null, "mysql_native_password", true);
        assertThat(r.capabilities()).isEqualTo(0x002aa205 | CapabilityFlags.CLIENT_SSL);
        String sslRequest = "05aa2a00" + "00000040" + "2d" + "00".repeat(23);
        assertThat(HexFormat.of().formatHex(r.sslRequestPayload())).isEqualTo(sslRequest);
        assertThat(r.sslRequestPayload()).hasSize(32);
        assertThat(HexFormat.of().formatHex(r.toPayload()))
                .isEqualTo(sslRequest + "726f6f7400" + "14" + AUTH + "6d7973716c5f6e61746976655f70617373776f726400");
        // a server without CLIENT_SSL gets no such flag
        assertThat(HandshakeResponse41.create(0x81fff7fe, "root", new byte[0], null, "mysql_native_password", true)
                                .capabilities()
                        & CapabilityFlags.CLIENT_SSL)
                .isZero();
    }
}
