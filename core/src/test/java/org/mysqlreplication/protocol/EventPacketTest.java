package org.mysqlreplication.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.net.ProtocolException;

/** The three kinds of packet in a binlog dump stream: OK byte + event, EOF, ERR. */
class EventPacketTest {

    private static ByteReader payload(String hex) {
        return ByteReader.of(HexFormat.of().parseHex(hex));
    }

    @Test
    void eventIsWhatFollowsTheLeadingZero() {
        // a fake ROTATE header: timestamp 0, type 4, server id 1, size 19 + 8 + 3, next pos 0, flags 0x20
        String event =
                "00000000" + "04" + "01000000" + "1e000000" + "00000000" + "2000" + "0400000000000000" + "616263";
        ByteReader r = ServerConnection.eventOrNull(payload("00" + event), "h:1");
        assertThat(r.position()).isZero();
        assertThat(r.remaining()).isEqualTo(30);
        assertThat(HexFormat.of().formatHex(r.readBytes(r.remaining()))).isEqualTo(event);
    }

    @Test
    void eofEndsTheStream() {
        assertThat(ServerConnection.eventOrNull(payload("fe00000200"), "h:1")).isNull();
    }

    @Test
    void errIsAServerError() {
        String message =
                HexFormat.of().formatHex("Could not find first log file name in binary log index file".getBytes());
        assertThatThrownBy(() -> ServerConnection.eventOrNull(payload("ffd404" + "234859303030" + message), "h:1"))
                .isInstanceOfSatisfying(ServerErrorException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(1236);
                    assertThat(e.sqlState()).isEqualTo("HY000");
                })
                .hasMessageStartingWith("binlog dump from h:1: server error 1236");
    }

    @Test
    void anythingElseIsAProtocolError() {
        assertThatThrownBy(() -> ServerConnection.eventOrNull(payload("0501"), "h:1"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("header 0x5");
        assertThatThrownBy(() -> ServerConnection.eventOrNull(payload(""), "h:1"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("empty packet");
    }
}
