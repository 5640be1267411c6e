package org.mysqlreplication.protocol.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Command payloads against the layouts of the protocol documentation, laid out by hand. */
class CommandPayloadTest {

    private static String hex(Command c) {
        return HexFormat.of().formatHex(c.toPayload());
    }

    @Test
    void binlogDump() {
        // 0x12, position 4, flags NON_BLOCK | ANNOTATE, server id 1001, file name to the end
        BinlogDumpCommand c = new BinlogDumpCommand(
                "mysql-bin.000001",
                4,
                BinlogDumpCommand.BINLOG_DUMP_NON_BLOCK | BinlogDumpCommand.BINLOG_SEND_ANNOTATE_ROWS_EVENT,
                1001);
        assertThat(hex(c))
                .isEqualTo("12" + "04000000" + "0300" + "e9030000"
                        + HexFormat.of().formatHex("mysql-bin.000001".getBytes()));
        assertThat(hex(new BinlogDumpCommand("", 0xFFFF_FFFFL, 0, 0xFFFF_FFFFL)))
                .isEqualTo("12" + "ffffffff" + "0000" + "ffffffff");
        assertThatThrownBy(() -> new BinlogDumpCommand("f", 1L << 32, 0, 1))
                .hasMessageContaining("binlog position must be 0 to 4294967295");
    }

    @Test
    void binlogDumpGtid() {
        // 0x1e, flags NON_BLOCK | THROUGH_GTID, server id 1001, name length 0, position 4 (8 bytes), set length 8,
        // the set (here the empty one: its 8-byte count 0), as com_binlog_dump_gtid in sql/rpl_source.cc reads it
        BinlogDumpGtidCommand c =
                new BinlogDumpGtidCommand(1 | BinlogDumpGtidCommand.BINLOG_THROUGH_GTID, 1001, "", 4, new byte[8]);
        assertThat(hex(c))
                .isEqualTo(
                        "1e" + "0500" + "e9030000" + "00000000" + "0400000000000000" + "08000000" + "0000000000000000");
        assertThat(hex(new BinlogDumpGtidCommand(0, 1, "b.1", 0x1_0000_0004L, new byte[] {7})))
                .isEqualTo("1e" + "0000" + "01000000" + "03000000" + "622e31" + "0400000001000000" + "01000000" + "07");
    }

    @Test
    void registerSlave() {
        RegisterSlaveCommand c = new RegisterSlaveCommand(4242, "rh", "ru", "pw", 3307);
        assertThat(hex(c))
                .isEqualTo("15" + "92100000" + "02" + "7268" + "02" + "7275" + "02" + "7077" + "eb0c" + "00000000"
                        + "00000000");
        assertThat(c.toString()).doesNotContain("pw,").contains("***");
        assertThat(hex(new RegisterSlaveCommand(1, null, null, null, 0)))
                .isEqualTo("15" + "01000000" + "00" + "00" + "00" + "0000" + "00000000" + "00000000");
    }

    @Test
    void query() {
        assertThat(hex(new QueryCommand("SELECT 1"))).isEqualTo("03" + "53454c4543542031");
        assertThat(hex(new QuitCommand())).isEqualTo("01");
        assertThatThrownBy(() -> new QueryCommand("")).isInstanceOf(IllegalArgumentException.class);
    }
}
