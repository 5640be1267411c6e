package org.mysqlreplication.event.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mysqlreplication.event.decode.EventBytes.body;
import static org.mysqlreplication.event.decode.EventBytes.event;
import static org.mysqlreplication.event.decode.EventBytes.hex;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.MariadbAnnotateRowsEvent;
import org.mysqlreplication.event.MariadbBinlogCheckpointEvent;
import org.mysqlreplication.event.MariadbGtidEvent;
import org.mysqlreplication.event.MariadbGtidListEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.QueryStatusVars;
import org.mysqlreplication.io.ByteReader;

/** QUERY status variables (statement_events.h) and MariaDB events (MariaDB KB "Binary Log Event Types"). */
class QueryAndMariadbDecodeTest {

    private final DecodeContext ctx = new DecodeContext(UnknownEventPolicy.DELIVER);
    private final EventDecoder decoder = new EventDecoder(ctx);

    private BinlogEvent decode(byte[] bytes) {
        return decoder.decode(ByteReader.of(bytes));
    }

    private static byte[] query(byte[] statusVars, String schema, String sql) {
        return body().u32(77)
                .u32(3)
                .u8(schema.length())
                .u16(1062)
                .u16(statusVars.length)
                .bytes(statusVars)
                .str(schema)
                .u8(0)
                .str(sql)
                .build();
    }

    @Test
    void queryWithEveryNamedStatusVariable() {
        byte[] vars = body().u8(0)
                .u32(0x0C08_0000L) // Q_FLAGS2_CODE
                .u8(1)
                .u64(1_168_113_696L) // Q_SQL_MODE_CODE
                .u8(6)
                .u8(3)
                .str("std") // Q_CATALOG_NZ_CODE
                .u8(3)
                .u16(2)
                .u16(1) // Q_AUTO_INCREMENT
                .u8(4)
                .u16(255)
                .u16(255)
                .u16(224) // Q_CHARSET_CODE
                .u8(5)
                .u8(6)
                .str("SYSTEM") // Q_TIME_ZONE_CODE
                .u8(7)
                .u16(0) // Q_LC_TIME_NAMES_CODE
                .u8(8)
                .u16(8) // Q_CHARSET_DATABASE_CODE
                .u8(9)
                .u64(5) // Q_TABLE_MAP_FOR_UPDATE_CODE
                .u8(10)
                .u32(99) // Q_MASTER_DATA_WRITTEN_CODE
                .u8(11)
                .u8(4)
                .str("root")
                .u8(9)
                .str("localhost") // Q_INVOKER
                .u8(12)
                .u8(2)
                .str("db1")
                .u8(0)
                .str("db2")
                .u8(0) // Q_UPDATED_DB_NAMES
                .u8(13)
                .le(123_456, 3) // Q_MICROSECONDS
                .u8(14)
                .u64(987) // Q_COMMIT_TS (MySQL 5.7 development releases)
                .u8(16)
                .u8(1) // Q_EXPLICIT_DEFAULTS_FOR_TIMESTAMP
                .u8(17)
                .u64(31) // Q_DDL_LOGGED_WITH_XID
                .u8(18)
                .u16(255) // Q_DEFAULT_COLLATION_FOR_UTF8MB4
                .u8(19)
                .u8(1) // Q_SQL_REQUIRE_PRIMARY_KEY
                .u8(20)
                .u8(0) // Q_DEFAULT_TABLE_ENCRYPTION
                .u8(128)
                .le(654_321, 3) // MariaDB Q_HRNOW
                .u8(129)
                .u64(4242) // MariaDB Q_XID
                .build();
        QueryEvent e = (QueryEvent) decode(event(2, query(vars, "shop", "INSERT INTO t VALUES (1)"), false));
        assertThat(e.slaveProxyId()).isEqualTo(77);
        assertThat(e.executionTime()).isEqualTo(3);
        assertThat(e.errorCode()).isEqualTo(1062);
        assertThat(e.schema()).isEqualTo("shop");
        assertThat(e.query()).isEqualTo("INSERT INTO t VALUES (1)");
        QueryStatusVars v = e.statusVars();
        assertThat(v.flags2()).isEqualTo(0x0C08_0000L);
        assertThat(v.sqlMode()).isEqualTo(1_168_113_696L);
        assertThat(v.catalog()).isEqualTo("std");
        assertThat(v.autoIncrementIncrement()).isEqualTo(2);
        assertThat(v.autoIncrementOffset()).isEqualTo(1);
        assertThat(v.charsetClient()).isEqualTo(255);
        assertThat(v.collationConnection()).isEqualTo(255);
        assertThat(v.collationServer()).isEqualTo(224);
        assertThat(v.timeZone()).isEqualTo("SYSTEM");
        assertThat(v.lcTimeNames()).isZero();
        assertThat(v.charsetDatabase()).isEqualTo(8);
        assertThat(v.tableMapForUpdate()).isEqualTo(5);
        assertThat(v.masterDataWritten()).isEqualTo(99);
        assertThat(v.invokerUser()).isEqualTo("root");
        assertThat(v.invokerHost()).isEqualTo("localhost");
        assertThat(v.updatedDbNames()).containsExactly("db1", "db2");
        assertThat(v.microseconds()).isEqualTo(123_456);
        assertThat(v.commitTs()).isEqualTo(987);
        assertThat(v.explicitDefaultsTs()).isTrue();
        assertThat(v.ddlXid()).isEqualTo(31);
        assertThat(v.defaultCollationForUtf8mb4()).isEqualTo(255);
        assertThat(v.sqlRequirePrimaryKey()).isEqualTo(1);
        assertThat(v.defaultTableEncryption()).isZero();
        assertThat(v.hrnow()).isEqualTo(654_321);
        assertThat(v.xid()).isEqualTo(4242);
        assertThat(v.unknownCode()).isNull();
        assertThat(v.unparsed()).isEmpty();
        assertThat(e.toString()).doesNotContain("VALUES (1)");
    }

    @Test
    void unknownStatusVariableStopsParsingButTheQueryComesOut() {
        byte[] vars =
                body().u8(0).u32(0).u8(200).bytes((byte) 1, (byte) 2, (byte) 3).build();
        QueryEvent e = (QueryEvent) decode(event(2, query(vars, "", "COMMIT"), false));
        assertThat(e.statusVars().flags2()).isZero();
        assertThat(e.statusVars().unknownCode()).isEqualTo(200);
        assertThat(e.statusVars().unparsed()).containsExactly(200, 1, 2, 3);
        assertThat(e.query()).isEqualTo("COMMIT");
    }

    @Test
    void updatedDbNamesOverTheMaximum() {
        byte[] vars = body().u8(12).u8(254).build();
        QueryEvent e = (QueryEvent) decode(event(2, query(vars, "", "DROP DATABASE x"), false));
        assertThat(e.statusVars().updatedDbNames()).isEmpty();
    }

    @Test
    void queryDumpHidesPasswords() {
        QueryEvent e = (QueryEvent)
                decode(event(2, query(new byte[0], "", "CREATE USER 'u'@'%' IDENTIFIED BY 's3cr3t-pw'"), false));
        assertThat(e.dump()).contains("IDENTIFIED BY '<redacted>'").doesNotContain("s3cr3t-pw");
        QueryEvent p = (QueryEvent)
                decode(event(2, query(new byte[0], "", "SET PASSWORD FOR 'u'@'%' = PASSWORD('an0ther')"), false));
        assertThat(p.dump()).doesNotContain("an0ther");
    }

    /** The MariaDB KB GTID_LIST_EVENT example, bytes and CRC as printed there: one GTID 0-10124-3584. */
    @Test
    void gtidListFromTheKnowledgeBaseExample() {
        ctx.setChecksumAlgorithm(ChecksumAlgorithm.CRC32);
        byte[] kb = hex("a4 85 9e 59 a3 8c 27 00 00 2b 00 00 00 24 01 00 00 00 00 01 00 00 00 00 00 00 00 8c 27 00"
                + " 00 00 0e 00 00 00 00 00 00 a8 f0 d8 b6");
        MariadbGtidListEvent e = (MariadbGtidListEvent) decode(kb);
        assertThat(e.gtidList()).isEqualTo("0-10124-3584");
        assertThat(e.header().logPos()).isEqualTo(292);
        assertThat(e.header().instant()).isEqualTo(Instant.parse("2017-08-24T07:52:04Z"));
    }

    @Test
    void emptyGtidListWithItsTwoPaddingBytes() {
        MariadbGtidListEvent e =
                (MariadbGtidListEvent) decode(event(163, body().u32(0).u16(0).build(), false));
        assertThat(e.gtids()).isEmpty();
    }

    @Test
    void gtidStandaloneWithPadding() {
        byte[] b = body().u64(292_197)
                .u32(0)
                .u8(MariadbGtidEvent.FL_STANDALONE | 40)
                .le(0, 6)
                .build();
        MariadbGtidEvent e = (MariadbGtidEvent) decode(event(162, 1000, 10, 1061, 0, b, false));
        assertThat(e.gtid()).isEqualTo("0-10-292197");
        assertThat(e.standalone()).isTrue();
        assertThat(e.commitId()).isNull();
        assertThat(e.xid()).isNull();
        assertThat(e.dump()).contains("Flags: 41").contains("GTID: 0-10-292197");
    }

    @Test
    void gtidWithGroupCommitIdAndThreadId() {
        byte[] b = body().u64(100)
                .u32(3)
                .u8(MariadbGtidEvent.FL_GROUP_COMMIT_ID | 8)
                .u64(1_000_001)
                .u8(16)
                .u32(170)
                .build();
        MariadbGtidEvent e = (MariadbGtidEvent) decode(event(162, 1000, 2, 1059, 0, b, false));
        assertThat(e.gtid()).isEqualTo("3-2-100");
        assertThat(e.commitId()).isEqualTo(1_000_001);
        assertThat(e.flagsExtra()).isEqualTo(16);
        assertThat(e.threadId()).isEqualTo(170);
    }

    @Test
    void gtidOfAPreparedXaTransaction() {
        byte[] b = body().u64(5)
                .u32(0)
                .u8(MariadbGtidEvent.FL_PREPARED_XA)
                .u32(1)
                .u8(3)
                .u8(2)
                .str("abcde")
                .build();
        MariadbGtidEvent e = (MariadbGtidEvent) decode(event(162, b, false));
        assertThat(e.xid().formatId()).isEqualTo(1);
        assertThat(new String(e.xid().gtrid())).isEqualTo("abc");
        assertThat(new String(e.xid().bqual())).isEqualTo("de");
    }

    @Test
    void annotateAndCheckpoint() {
        MariadbAnnotateRowsEvent a = (MariadbAnnotateRowsEvent)
                decode(event(160, body().str("INSERT INTO t1 VALUES (1)").build(), false));
        assertThat(a.sqlStatement()).isEqualTo("INSERT INTO t1 VALUES (1)");
        MariadbBinlogCheckpointEvent c = (MariadbBinlogCheckpointEvent)
                decode(event(161, body().u32(17).str("master-bin.000001").build(), false));
        assertThat(c.fileName()).isEqualTo("master-bin.000001");
        assertThat(List.of(c.dump().split("\n")))
                .contains("=== MariadbBinLogCheckPointEvent ===", "Filename: master-bin.000001");
    }
}
