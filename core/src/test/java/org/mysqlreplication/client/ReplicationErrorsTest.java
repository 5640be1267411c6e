package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mysqlreplication.client.ReplicationRefusedException.Reason;
import org.mysqlreplication.protocol.ServerErrorException;

/**
 * The replies no local server can be made to send, by their texts in MySQL's sources (rpl_binlog_sender.cc,
 * rpl_master.cc; MariaDB's sql_repl.cc sends the same max_allowed_packet text): typed as the live ones are.
 */
class ReplicationErrorsTest {

    private static final BinLogStreamReaderConfig CONFIG = BinLogStreamReaderConfig.builder()
            .connection("127.0.0.1", 1, "u", "secret")
            .serverId(9)
            .build();

    private static ServerErrorException err(int code, String text) {
        return new ServerErrorException("binlog dump from 127.0.0.1:1", code, "HY000", text);
    }

    @Test
    void anEventOverMaxAllowedPacketIsEventTooLarge() {
        ServerErrorException e = err(
                1236,
                "log event entry exceeded max_allowed_packet; Increase max_allowed_packet"
                        + " on master; the first event 'binlog.000001' at 4, the last event read from 'binlog.000001' at 126");
        assertThat(ReplicationErrors.onDump(e, CONFIG))
                .isInstanceOfSatisfying(
                        ReplicationRefusedException.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.EVENT_TOO_LARGE))
                .hasCause(e);
    }

    @Test
    void mysqlsDuplicateServerIdIs1236ByItsText() {
        ServerErrorException e = err(
                1236,
                "A replica with the same server_uuid/server_id as this replica has"
                        + " connected to the source; the first event '' at 4, the last event read from 'binlog.000002' at 155");
        assertThat(ReplicationErrors.onDump(e, CONFIG))
                .isInstanceOfSatisfying(
                        ReplicationRefusedException.class,
                        r -> assertThat(r.reason()).isEqualTo(Reason.DUPLICATE_SERVER_ID));
    }

    @Test
    void aMissingPrivilegeIsNamedFromTheServersText() {
        ServerErrorException e = err(
                1227,
                "Access denied; you need (at least one of) the REPLICATION CLIENT"
                        + " privilege(s) for this operation");
        assertThat(ReplicationErrors.onSetup(e, CONFIG, false))
                .isInstanceOfSatisfying(
                        ReplicationRefusedException.class,
                        r -> assertThat(r.privilege()).isEqualTo("REPLICATION CLIENT"))
                .hasMessageNotContaining("secret");
    }

    @Test
    void otherErrorsStayAsTheyWere() {
        ServerErrorException e = err(1236, "binlog truncated in the middle of event; consider out of disk space");
        assertThat(ReplicationErrors.onDump(e, CONFIG)).isSameAs(e);
        ServerErrorException parse = err(1064, "You have an error in your SQL syntax");
        assertThat(ReplicationErrors.onSetup(parse, CONFIG, false)).isSameAs(parse);
    }
}
