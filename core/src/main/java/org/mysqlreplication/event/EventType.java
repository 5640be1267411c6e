package org.mysqlreplication.event;

/**
 * Binlog event type codes ({@code Log_event_type} in MySQL's {@code binlog_event.h}, MariaDB's
 * {@code log_event.h}). Codes this enum does not list come out as {@link #NOT_LISTED}; the header keeps the raw
 * code.
 *
 * <p>Immutable and thread-safe.
 */
public enum EventType {
    UNKNOWN_EVENT(0),
    START_EVENT_V3(1),
    QUERY_EVENT(2),
    STOP_EVENT(3),
    ROTATE_EVENT(4),
    INTVAR_EVENT(5),
    LOAD_EVENT(6),
    SLAVE_EVENT(7),
    CREATE_FILE_EVENT(8),
    APPEND_BLOCK_EVENT(9),
    EXEC_LOAD_EVENT(10),
    DELETE_FILE_EVENT(11),
    NEW_LOAD_EVENT(12),
    RAND_EVENT(13),
    USER_VAR_EVENT(14),
    FORMAT_DESCRIPTION_EVENT(15),
    XID_EVENT(16),
    BEGIN_LOAD_QUERY_EVENT(17),
    EXECUTE_LOAD_QUERY_EVENT(18),
    TABLE_MAP_EVENT(19),
    /** MySQL 5.1 pre-GA rows events (also called v0). */
    PRE_GA_WRITE_ROWS_EVENT(20),
    PRE_GA_UPDATE_ROWS_EVENT(21),
    PRE_GA_DELETE_ROWS_EVENT(22),
    WRITE_ROWS_EVENT_V1(23),
    UPDATE_ROWS_EVENT_V1(24),
    DELETE_ROWS_EVENT_V1(25),
    INCIDENT_EVENT(26),
    HEARTBEAT_LOG_EVENT(27),
    IGNORABLE_LOG_EVENT(28),
    ROWS_QUERY_LOG_EVENT(29),
    WRITE_ROWS_EVENT(30),
    UPDATE_ROWS_EVENT(31),
    DELETE_ROWS_EVENT(32),
    GTID_LOG_EVENT(33),
    ANONYMOUS_GTID_LOG_EVENT(34),
    PREVIOUS_GTIDS_LOG_EVENT(35),
    TRANSACTION_CONTEXT_EVENT(36),
    VIEW_CHANGE_EVENT(37),
    XA_PREPARE_LOG_EVENT(38),
    PARTIAL_UPDATE_ROWS_EVENT(39),
    TRANSACTION_PAYLOAD_EVENT(40),
    HEARTBEAT_LOG_EVENT_V2(41),
    GTID_TAGGED_LOG_EVENT(42),
    /** Percona Server 5.7's binlog encryption start event. */
    PERCONA_START_5_7_ENCRYPTION_EVENT(159),
    MARIADB_ANNOTATE_ROWS_EVENT(160),
    MARIADB_BINLOG_CHECKPOINT_EVENT(161),
    MARIADB_GTID_EVENT(162),
    MARIADB_GTID_LIST_EVENT(163),
    MARIADB_START_ENCRYPTION_EVENT(164),
    MARIADB_QUERY_COMPRESSED_EVENT(165),
    MARIADB_WRITE_ROWS_COMPRESSED_EVENT_V1(166),
    MARIADB_UPDATE_ROWS_COMPRESSED_EVENT_V1(167),
    MARIADB_DELETE_ROWS_COMPRESSED_EVENT_V1(168),
    MARIADB_WRITE_ROWS_COMPRESSED_EVENT(169),
    MARIADB_UPDATE_ROWS_COMPRESSED_EVENT(170),
    MARIADB_DELETE_ROWS_COMPRESSED_EVENT(171),
    /**
     * MariaDB 12.3's fragment of a rows event larger than {@code binlog_row_event_fragment_threshold}
     * ({@code PARTIAL_ROW_DATA_EVENT}, MDEV-32570): not reassembled; the decoder refuses it with an
     * {@link org.mysqlreplication.event.decode.UnsupportedEventException} whatever the unknown-event policy, since
     * its rows would otherwise be lost unnoticed.
     */
    MARIADB_PARTIAL_ROW_DATA_EVENT(172),
    /** A code not listed above; {@link EventHeader#typeCode()} has the code. */
    NOT_LISTED(-1);

    private static final EventType[] BY_CODE = new EventType[256];

    static {
        for (EventType t : values()) {
            if (t.code >= 0) {
                BY_CODE[t.code] = t;
            }
        }
    }

    private final int code;

    EventType(int code) {
        this.code = code;
    }

    /** The code as it stands in the event header, -1 for {@link #NOT_LISTED}. */
    public int code() {
        return code;
    }

    /** The type of a header's type code; {@link #NOT_LISTED} when the code is not in this enum. */
    public static EventType ofCode(int code) {
        EventType t = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return t == null ? NOT_LISTED : t;
    }

    /**
     * For MariaDB's compressed events (165-171) the type they decompress into: QUERY_EVENT for
     * QUERY_COMPRESSED_EVENT, the v1 rows events for 166-168, the v2 rows events for 169-171. This type itself for
     * every other.
     */
    public EventType uncompressed() {
        return switch (this) {
            case MARIADB_QUERY_COMPRESSED_EVENT -> QUERY_EVENT;
            case MARIADB_WRITE_ROWS_COMPRESSED_EVENT_V1 -> WRITE_ROWS_EVENT_V1;
            case MARIADB_UPDATE_ROWS_COMPRESSED_EVENT_V1 -> UPDATE_ROWS_EVENT_V1;
            case MARIADB_DELETE_ROWS_COMPRESSED_EVENT_V1 -> DELETE_ROWS_EVENT_V1;
            case MARIADB_WRITE_ROWS_COMPRESSED_EVENT -> WRITE_ROWS_EVENT;
            case MARIADB_UPDATE_ROWS_COMPRESSED_EVENT -> UPDATE_ROWS_EVENT;
            case MARIADB_DELETE_ROWS_COMPRESSED_EVENT -> DELETE_ROWS_EVENT;
            default -> this;
        };
    }

    /** Whether this is a WRITE/UPDATE/DELETE rows event of any version this library decodes (v0, v1, v2). */
    public boolean isRowsEvent() {
        return switch (this) {
            case PRE_GA_WRITE_ROWS_EVENT,
                    PRE_GA_UPDATE_ROWS_EVENT,
                    PRE_GA_DELETE_ROWS_EVENT,
                    WRITE_ROWS_EVENT_V1,
                    UPDATE_ROWS_EVENT_V1,
                    DELETE_ROWS_EVENT_V1,
                    WRITE_ROWS_EVENT,
                    UPDATE_ROWS_EVENT,
                    DELETE_ROWS_EVENT -> true;
            default -> false;
        };
    }
}
