package org.mysqlreplication.event.decode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mysqlreplication.event.QueryStatusVars;
import org.mysqlreplication.io.ByteReader;

/**
 * The status variables block of a QUERY_EVENT: a sequence of code (1) + value, the value's layout given by the
 * code ({@code Q_*} in MySQL's {@code statement_events.h}, MariaDB's {@code log_event.h}). An unknown code has no
 * length, so decoding stops there and the rest of the block is kept raw (see {@link QueryStatusVars}).
 */
final class QueryStatusVarsDecoder {

    private static final int OVER_MAX_DBS_IN_EVENT_MTS = 254;

    private QueryStatusVarsDecoder() {}

    @SuppressWarnings("checkstyle:CyclomaticComplexity")
    static QueryStatusVars decode(ByteReader in) {
        Long flags2 = null,
                sqlMode = null,
                tableMapForUpdate = null,
                masterDataWritten = null,
                ddlXid = null,
                xid = null,
                commitTs = null;
        String catalog = null, timeZone = null, invokerUser = null, invokerHost = null;
        Integer autoIncInc = null,
                autoIncOff = null,
                charsetClient = null,
                collationConnection = null,
                collationServer = null,
                lcTimeNames = null,
                charsetDatabase = null,
                microseconds = null,
                utf8mb4 = null,
                requirePk = null,
                tableEncryption = null,
                hrnow = null,
                unknownCode = null;
        Boolean explicitDefaultsTs = null;
        List<String> dbNames = null;
        byte[] unparsed = null;
        while (in.hasRemaining() && unknownCode == null) {
            int code = in.peekUint8(0);
            switch (code) {
                case 0 -> {
                    in.skip(1);
                    flags2 = in.readUint32();
                }
                case 1 -> {
                    in.skip(1);
                    sqlMode = in.readInt64();
                }
                case 2 -> {
                    in.skip(1);
                    catalog = in.readString(in.readUint8(), StandardCharsets.UTF_8);
                    in.skip(1);
                }
                case 3 -> {
                    in.skip(1);
                    autoIncInc = in.readUint16();
                    autoIncOff = in.readUint16();
                }
                case 4 -> {
                    in.skip(1);
                    charsetClient = in.readUint16();
                    collationConnection = in.readUint16();
                    collationServer = in.readUint16();
                }
                case 5 -> {
                    in.skip(1);
                    timeZone = in.readString(in.readUint8(), StandardCharsets.UTF_8);
                }
                case 6 -> {
                    in.skip(1);
                    catalog = in.readString(in.readUint8(), StandardCharsets.UTF_8);
                }
                case 7 -> {
                    in.skip(1);
                    lcTimeNames = in.readUint16();
                }
                case 8 -> {
                    in.skip(1);
                    charsetDatabase = in.readUint16();
                }
                case 9 -> {
                    in.skip(1);
                    tableMapForUpdate = in.readInt64();
                }
                case 10 -> {
                    in.skip(1);
                    masterDataWritten = in.readUint32();
                }
                case 11 -> {
                    in.skip(1);
                    invokerUser = in.readString(in.readUint8(), StandardCharsets.UTF_8);
                    invokerHost = in.readString(in.readUint8(), StandardCharsets.UTF_8);
                }
                case 12 -> {
                    in.skip(1);
                    dbNames = readDbNames(in);
                }
                case 13 -> {
                    in.skip(1);
                    microseconds = in.readUint24();
                }
                case 14 -> {
                    in.skip(1);
                    commitTs = in.readInt64();
                }
                case 16 -> {
                    in.skip(1);
                    explicitDefaultsTs = in.readUint8() != 0;
                }
                case 17 -> {
                    in.skip(1);
                    ddlXid = in.readInt64();
                }
                case 18 -> {
                    in.skip(1);
                    utf8mb4 = in.readUint16();
                }
                case 19 -> {
                    in.skip(1);
                    requirePk = in.readUint8();
                }
                case 20 -> {
                    in.skip(1);
                    tableEncryption = in.readUint8();
                }
                case 128 -> {
                    in.skip(1);
                    hrnow = in.readUint24();
                }
                case 129 -> {
                    in.skip(1);
                    xid = in.readInt64();
                }
                default -> {
                    unknownCode = code;
                    unparsed = in.readRemainingBytes();
                }
            }
        }
        return new QueryStatusVars(
                flags2,
                sqlMode,
                catalog,
                autoIncInc,
                autoIncOff,
                charsetClient,
                collationConnection,
                collationServer,
                timeZone,
                lcTimeNames,
                charsetDatabase,
                tableMapForUpdate,
                masterDataWritten,
                invokerUser,
                invokerHost,
                dbNames,
                microseconds,
                commitTs,
                explicitDefaultsTs,
                ddlXid,
                utf8mb4,
                requirePk,
                tableEncryption,
                hrnow,
                xid,
                unknownCode,
                unparsed);
    }

    private static List<String> readDbNames(ByteReader in) {
        int count = in.readUint8();
        List<String> names = new ArrayList<>();
        if (count == OVER_MAX_DBS_IN_EVENT_MTS) {
            return names;
        }
        for (int i = 0; i < count; i++) {
            names.add(in.readNulTerminatedString(StandardCharsets.UTF_8));
        }
        return names;
    }
}
