package org.mysqlreplication.event.decode;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.schema.TableMapSchemaResolver;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.schema.TableSchemaResolver;

/**
 * All the state of one binlog stream that decoding needs: the current binlog file name, the last format
 * description, the checksum algorithm and whether to verify it, the table maps by table id with their resolved
 * schemas, the schema resolver and the unknown-event policy.
 *
 * <p>The {@link EventDecoder} updates it as events go by: a FORMAT_DESCRIPTION_EVENT sets the format and the
 * checksum algorithm, a ROTATE_EVENT the file name, a TABLE_MAP_EVENT registers its table. A live client sets the
 * checksum algorithm it negotiated ({@code @master_binlog_checksum}) before the first event; a file reader sets the
 * file name.
 *
 * <p>Not thread-safe: one context per stream, used by one decoding thread.
 */
public final class DecodeContext {

    /** Default of {@link #largeValueThreshold()}: 8 MiB. */
    public static final int DEFAULT_LARGE_VALUE_THRESHOLD = 8 * 1024 * 1024;

    /**
     * The smallest {@link #largeValueThreshold()}: 1 KiB. Below it short TEXT and BLOB values, which fit any
     * heap, would come out as streams, and every rows event of a few rows would go through a file.
     */
    public static final int MIN_LARGE_VALUE_THRESHOLD = 1024;

    private final TableSchemaResolver resolver;
    private final UnknownEventPolicy unknownEventPolicy;
    private final Map<Long, TableMapEvent> tableMaps = new HashMap<>();
    private final Map<Long, TableSchema> tableSchemas = new HashMap<>();
    private String binlogFile;
    private FormatDescriptionEvent formatDescription;
    private ChecksumAlgorithm checksumAlgorithm = ChecksumAlgorithm.NONE;
    private boolean verifyChecksum = true;
    private boolean lazyRows;
    private long eventPosition = -1;
    private int largeValueThreshold = DEFAULT_LARGE_VALUE_THRESHOLD;

    /** A context with the given resolver and policy; checksum NONE until set or a FORMAT_DESCRIPTION says. */
    public DecodeContext(TableSchemaResolver resolver, UnknownEventPolicy unknownEventPolicy) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.unknownEventPolicy = Objects.requireNonNull(unknownEventPolicy, "unknownEventPolicy");
    }

    /** A context resolving schemas from TABLE_MAP alone ({@link TableMapSchemaResolver}) with the given policy. */
    public DecodeContext(UnknownEventPolicy unknownEventPolicy) {
        this(new TableMapSchemaResolver(), unknownEventPolicy);
    }

    public TableSchemaResolver resolver() {
        return resolver;
    }

    public UnknownEventPolicy unknownEventPolicy() {
        return unknownEventPolicy;
    }

    /** The current binlog file name, or {@code null} before anyone said it. */
    public String binlogFile() {
        return binlogFile;
    }

    public void setBinlogFile(String binlogFile) {
        this.binlogFile = binlogFile;
    }

    /** The last FORMAT_DESCRIPTION_EVENT (or START_EVENT_V3), or {@code null} before the first. */
    public FormatDescriptionEvent formatDescription() {
        return formatDescription;
    }

    /** Sets the format description and takes its checksum algorithm. */
    public void setFormatDescription(FormatDescriptionEvent fde) {
        this.formatDescription = Objects.requireNonNull(fde, "fde");
        this.checksumAlgorithm = fde.checksumAlgorithm();
    }

    /** The checksum algorithm of the events that follow. */
    public ChecksumAlgorithm checksumAlgorithm() {
        return checksumAlgorithm;
    }

    public void setChecksumAlgorithm(ChecksumAlgorithm checksumAlgorithm) {
        this.checksumAlgorithm = Objects.requireNonNull(checksumAlgorithm, "checksumAlgorithm");
    }

    /** Whether CRC32 checksums are verified (default true). */
    public boolean verifyChecksum() {
        return verifyChecksum;
    }

    public void setVerifyChecksum(boolean verifyChecksum) {
        this.verifyChecksum = verifyChecksum;
    }

    /**
     * Whether rows are lazy views that decode a value when it is read ({@code false}, the default: every value
     * is decoded with its event). See {@link org.mysqlreplication.event.Row}.
     */
    public boolean lazyRows() {
        return lazyRows;
    }

    public void setLazyRows(boolean lazyRows) {
        this.lazyRows = lazyRows;
    }

    /** The TABLE_MAP_EVENT registered for {@code tableId}, or {@code null}. */
    public TableMapEvent tableMap(long tableId) {
        return tableMaps.get(tableId);
    }

    /** The schema resolved for {@code tableId}, or {@code null}. */
    public TableSchema tableSchema(long tableId) {
        return tableSchemas.get(tableId);
    }

    /** Registers a table map with its schema, replacing an earlier one of the same id. */
    public void putTableMap(TableMapEvent tableMap, TableSchema schema) {
        tableMaps.put(tableMap.tableId(), tableMap);
        tableSchemas.put(tableMap.tableId(), Objects.requireNonNull(schema, "schema"));
    }

    /** Forgets all table maps (for a client that restarts a stream). */
    public void clearTableMaps() {
        tableMaps.clear();
        tableSchemas.clear();
    }

    /**
     * Rows events larger than this many bytes are read from a spill file rather than from memory, and their
     * BLOB-family values larger than it come out as {@link org.mysqlreplication.value.LargeValue} (default
     * {@value #DEFAULT_LARGE_VALUE_THRESHOLD}).
     */
    public int largeValueThreshold() {
        return largeValueThreshold;
    }

    /** @throws IllegalArgumentException below {@value #MIN_LARGE_VALUE_THRESHOLD} */
    public void setLargeValueThreshold(int bytes) {
        this.largeValueThreshold = checkLargeValueThreshold(bytes);
    }

    /** {@code bytes} when it is a valid large-value threshold; @throws IllegalArgumentException otherwise */
    public static int checkLargeValueThreshold(int bytes) {
        if (bytes < MIN_LARGE_VALUE_THRESHOLD) {
            throw new IllegalArgumentException("large-value threshold " + bytes + " bytes is below the minimum of "
                    + MIN_LARGE_VALUE_THRESHOLD);
        }
        return bytes;
    }

    /**
     * The post-header length of {@code typeCode} from the format description; {@code fallback} when there is none
     * yet (the artificial ROTATE that starts a live stream comes before it) or it does not list the type.
     */
    int postHeaderLength(int typeCode, int fallback) {
        int n = formatDescription == null ? -1 : formatDescription.postHeaderLength(typeCode);
        return n < 0 ? fallback : n;
    }

    /** The position of the event being decoded (set by {@link EventDecoder}), -1 when not known. */
    long eventPosition() {
        return eventPosition;
    }

    void setEventPosition(long eventPosition) {
        this.eventPosition = eventPosition;
    }
}
