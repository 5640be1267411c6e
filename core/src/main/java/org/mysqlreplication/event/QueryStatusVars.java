package org.mysqlreplication.event;

import java.util.List;

/**
 * The status variables of a QUERY_EVENT ({@code Q_*} codes of MySQL's {@code statement_events.h} and MariaDB's
 * {@code log_event.h}). Each component is {@code null} when the event does not carry that variable.
 *
 * <p>A status variable has no length of its own, so an unknown code cannot be skipped: decoding stops at the
 * first unknown code, {@link #unknownCode()} names it and {@link #unparsed()} keeps the raw bytes from that code
 * to the end of the status block. The query itself is unaffected (the block has a total length).
 *
 * @param flags2                     Q_FLAGS2_CODE (0): {@code OPTION_*} bits of the session
 * @param sqlMode                    Q_SQL_MODE_CODE (1)
 * @param catalog                    Q_CATALOG_CODE (2, MySQL 5.0.0-5.0.3) or Q_CATALOG_NZ_CODE (6)
 * @param autoIncrementIncrement     Q_AUTO_INCREMENT (3)
 * @param autoIncrementOffset        Q_AUTO_INCREMENT (3)
 * @param charsetClient              Q_CHARSET_CODE (4): character_set_client collation id
 * @param collationConnection        Q_CHARSET_CODE (4)
 * @param collationServer            Q_CHARSET_CODE (4)
 * @param timeZone                   Q_TIME_ZONE_CODE (5)
 * @param lcTimeNames                Q_LC_TIME_NAMES_CODE (7)
 * @param charsetDatabase            Q_CHARSET_DATABASE_CODE (8)
 * @param tableMapForUpdate          Q_TABLE_MAP_FOR_UPDATE_CODE (9)
 * @param masterDataWritten          Q_MASTER_DATA_WRITTEN_CODE (10)
 * @param invokerUser                Q_INVOKER (11)
 * @param invokerHost                Q_INVOKER (11)
 * @param updatedDbNames             Q_UPDATED_DB_NAMES (12); empty list when the server wrote "over the
 *                                   maximum" (254)
 * @param microseconds               Q_MICROSECONDS (13): fraction of the header's timestamp
 * @param commitTs                   Q_COMMIT_TS (14): the 8-byte commit sequence number some MySQL 5.7 development
 *                                   releases wrote
 * @param explicitDefaultsTs         Q_EXPLICIT_DEFAULTS_FOR_TIMESTAMP (16)
 * @param ddlXid                     Q_DDL_LOGGED_WITH_XID (17)
 * @param defaultCollationForUtf8mb4 Q_DEFAULT_COLLATION_FOR_UTF8MB4 (18)
 * @param sqlRequirePrimaryKey       Q_SQL_REQUIRE_PRIMARY_KEY (19)
 * @param defaultTableEncryption     Q_DEFAULT_TABLE_ENCRYPTION (20)
 * @param hrnow                      MariaDB Q_HRNOW (128): microseconds of the timestamp
 * @param xid                        MariaDB Q_XID (129)
 * @param unknownCode                the first code that could not be decoded, else {@code null}
 * @param unparsed                   the raw bytes from {@code unknownCode} on (empty when all were decoded)
 *
 * <p>Immutable and thread-safe.
 */
public record QueryStatusVars(
        Long flags2,
        Long sqlMode,
        String catalog,
        Integer autoIncrementIncrement,
        Integer autoIncrementOffset,
        Integer charsetClient,
        Integer collationConnection,
        Integer collationServer,
        String timeZone,
        Integer lcTimeNames,
        Integer charsetDatabase,
        Long tableMapForUpdate,
        Long masterDataWritten,
        String invokerUser,
        String invokerHost,
        List<String> updatedDbNames,
        Integer microseconds,
        Long commitTs,
        Boolean explicitDefaultsTs,
        Long ddlXid,
        Integer defaultCollationForUtf8mb4,
        Integer sqlRequirePrimaryKey,
        Integer defaultTableEncryption,
        Integer hrnow,
        Long xid,
        Integer unknownCode,
        byte[] unparsed) {

    public QueryStatusVars {
        updatedDbNames = updatedDbNames == null ? null : List.copyOf(updatedDbNames);
        unparsed = unparsed == null ? new byte[0] : unparsed.clone();
    }

    @Override
    public byte[] unparsed() {
        return unparsed.clone();
    }

    /** No status variables at all (a v3 QUERY_EVENT, or an empty block). */
    public static QueryStatusVars none() {
        return new QueryStatusVars(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }
}
