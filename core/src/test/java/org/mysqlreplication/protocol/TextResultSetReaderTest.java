package org.mysqlreplication.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.net.PacketChannel;

/** Text result sets on the wire (headers included), starting at sequence id 1 as the answer to a command. */
class TextResultSetReaderTest {

    private static PacketChannel serverSent(String hex) {
        PacketChannel ch = new PacketChannel(
                new ByteArrayInputStream(HexFormat.of().parseHex(hex.replace(" ", ""))),
                OutputStream.nullOutputStream(),
                "t");
        ch.writePacket(new byte[] {3}); // the command, sequence id 0
        return ch;
    }

    /** The MySQL documentation's example: {@code SELECT @@version_comment LIMIT 1}. */
    @Test
    void documentedVersionCommentExample() {
        PacketChannel ch = serverSent("01000001 01"
                + " 27000002 03646566 00 00 00 11 4040766572 73696f6e5f636f6d6d656e74 00 0c 0800 1c000000 fd 0000 1f 0000"
                + " 05000003 fe00000200"
                + " 1d000004 1c 4d7953514c20436f6d6d756e69747920536572766572202847504c29"
                + " 05000005 fe00000200");
        TextResultSetReader.Result r = TextResultSetReader.read(ch, "COM_QUERY");
        assertThat(r.result().columnNames()).containsExactly("@@version_comment");
        assertThat(r.result().rows()).containsExactly(List.of("MySQL Community Server (GPL)"));
        assertThat(r.moreResults()).isFalse();
    }

    private static String column(String name) {
        String hexName = HexFormat.of().formatHex(name.getBytes());
        String body = "03646566" + "00" + "00" + "00" + String.format("%02x", name.length()) + hexName + "00" + "0c"
                + "2100" + "0a000000" + "fd" + "0000" + "00" + "0000";
        return body;
    }

    private static String packet(int seq, String body) {
        int len = body.length() / 2;
        return String.format("%02x%02x%02x%02x", len & 0xff, len >> 8 & 0xff, len >> 16, seq) + body;
    }

    @Test
    void nullEmptyAndMultipleRowsAndMoreResultsFlag() {
        PacketChannel ch = serverSent(packet(1, "02")
                + packet(2, column("a"))
                + packet(3, column("b"))
                + packet(4, "fe00000200")
                + packet(5, "fb" + "00") // NULL, ''
                + packet(6, "0178" + "03797a7a") // 'x', 'yzz'
                + packet(7, "fe00000a00")); // SERVER_MORE_RESULTS_EXISTS | AUTOCOMMIT
        TextResultSetReader.Result r = TextResultSetReader.read(ch, "COM_QUERY");
        assertThat(r.result().columnNames()).containsExactly("a", "b");
        assertThat(r.result().rows()).containsExactly(Arrays.asList(null, ""), List.of("x", "yzz"));
        assertThat(r.moreResults()).isTrue();
        assertThat(r.result().toString()).doesNotContain("yzz");
    }

    @Test
    void okInsteadOfAResultSet() {
        TextResultSetReader.Result r = TextResultSetReader.read(serverSent(packet(1, "00010002000000")), "COM_QUERY");
        assertThat(r.result().columnNames()).isEmpty();
        assertThat(r.result().rows()).isEmpty();
    }

    @Test
    void errorInsteadOfAResultSetOrAfterSomeRows() {
        String err = "ff7a04" + "233432533032" + HexFormat.of().formatHex("Table 'x' doesn't exist".getBytes());
        assertThatThrownBy(() -> TextResultSetReader.read(serverSent(packet(1, err)), "COM_QUERY"))
                .isInstanceOfSatisfying(ServerErrorException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(1146);
                    assertThat(e.sqlState()).isEqualTo("42S02");
                });
        PacketChannel ch = serverSent(packet(1, "01")
                + packet(2, column("a"))
                + packet(3, "fe00000200")
                + packet(4, "0131")
                + packet(5, err));
        assertThatThrownBy(() -> TextResultSetReader.read(ch, "COM_QUERY")).isInstanceOf(ServerErrorException.class);
    }
}
