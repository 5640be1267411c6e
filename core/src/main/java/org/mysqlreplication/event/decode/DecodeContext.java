package org.mysqlreplication.event.decode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.ChecksumAlgorithm;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.io.SpillFiles;
import org.mysqlreplication.schema.TableSchema;

/**
 * All the state of one binlog stream that decoding needs: the current binlog file name, the last format
 * description, the checksum algorithm, the table maps by table id with their resolved schemas, and the position of
 * the event being decoded; with the stream's fixed {@link DecodeOptions} and its schema resolver.
 *
 * <p>Only the decoding path writes it: the {@link EventReader} sets the file name (from the source, and from ROTATE
 * events of a live stream) and the negotiated checksum algorithm, the {@link EventDecoder} applies FORMAT_DESCRIPTION
 * and TABLE_MAP events. Everyone else reads.
 *
 * <p>Not thread-safe: one context per stream, used by one decoding thread.
 */
public final class DecodeContext {

    /** Default of {@link #largeValueThreshold()}: 8 MiB. */
    public static final int DEFAULT_LARGE_VALUE_THRESHOLD = DecodeOptions.DEFAULT_LARGE_VALUE_THRESHOLD;

    /** The smallest {@link #largeValueThreshold()}: 1 KiB (see {@link DecodeOptions#MIN_LARGE_VALUE_THRESHOLD}). */
    public static final int MIN_LARGE_VALUE_THRESHOLD = DecodeOptions.MIN_LARGE_VALUE_THRESHOLD;

    private final TableSchemaResolver resolver;
    private final DecodeOptions options;
    private final Map<Long, TableMapEvent> tableMaps = new HashMap<>();
    private final Map<Long, TableSchema> tableSchemas = new HashMap<>();
    private String binlogFile;
    private FormatDescriptionEvent formatDescription;
    private ChecksumAlgorithm checksumAlgorithm = ChecksumAlgorithm.NONE;
    private long eventPosition = -1;
    /** Bytes of the event being decoded left in its spill file, past what was read (a text cut there); 0 else. */
    private long truncatedBy;
    /** Decodes the events inside a TRANSACTION_PAYLOAD: set by the {@link EventDecoder} of this context. */
    private Function<PayloadEvents, List<BinlogEvent>> innerEvents;
    /** Where decompressed parts larger than the threshold go: the reader's spill files; null to keep them in the heap. */
    private SpillFiles spillFiles;

    private final LongAdder undecodedText = new LongAdder();
    /** Which tables are handed out: the others' TABLE_MAPs are not given to the resolver (see {@link #resolves}). */
    private EventSelector selector = EventSelector.ALL;

    /** A context with the given resolver and options; checksum NONE until set or a FORMAT_DESCRIPTION says. */
    public DecodeContext(TableSchemaResolver resolver, DecodeOptions options) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A context with the given resolver and the default options with {@code unknownEventPolicy}. */
    public DecodeContext(TableSchemaResolver resolver, UnknownEventPolicy unknownEventPolicy) {
        this(resolver, DecodeOptions.defaults(unknownEventPolicy));
    }

    /** A context resolving schemas from TABLE_MAP alone ({@link TableMapSchemaResolver}) with these options. */
    public DecodeContext(DecodeOptions options) {
        this(new TableMapSchemaResolver(), options);
    }

    /** A context resolving schemas from TABLE_MAP alone, with the default options with {@code unknownEventPolicy}. */
    public DecodeContext(UnknownEventPolicy unknownEventPolicy) {
        this(new TableMapSchemaResolver(), unknownEventPolicy);
    }

    public TableSchemaResolver resolver() {
        return resolver;
    }

    /**
     * Whether a table's TABLE_MAP goes to the {@link #resolver()}: only when its rows are handed out. A table the
     * selector drops gets the TABLE_MAP's own schema, so a table one chose to ignore never queries the server nor
     * fails the stream on a schema mismatch.
     */
    boolean resolves(String schema, String table) {
        return !selector.filtersTables() || selector.acceptsTable(schema, table);
    }

    void setSelector(EventSelector selector) {
        this.selector = Objects.requireNonNull(selector, "selector");
    }

    public DecodeOptions options() {
        return options;
    }

    public UnknownEventPolicy unknownEventPolicy() {
        return options.unknownEventPolicy();
    }

    /** The current binlog file name, or {@code null} before anyone said it. */
    public String binlogFile() {
        return binlogFile;
    }

    void setBinlogFile(String binlogFile) {
        this.binlogFile = binlogFile;
    }

    /** The last FORMAT_DESCRIPTION_EVENT (or START_EVENT_V3), or {@code null} before the first. */
    public FormatDescriptionEvent formatDescription() {
        return formatDescription;
    }

    /** Sets the format description and takes its checksum algorithm. */
    void setFormatDescription(FormatDescriptionEvent fde) {
        this.formatDescription = Objects.requireNonNull(fde, "fde");
        this.checksumAlgorithm = fde.checksumAlgorithm();
    }

    /** The checksum algorithm of the events that follow. */
    public ChecksumAlgorithm checksumAlgorithm() {
        return checksumAlgorithm;
    }

    void setChecksumAlgorithm(ChecksumAlgorithm checksumAlgorithm) {
        this.checksumAlgorithm = Objects.requireNonNull(checksumAlgorithm, "checksumAlgorithm");
    }

    /** Whether CRC32 checksums are verified (default true). */
    public boolean verifyChecksum() {
        return options.verifyChecksum();
    }

    /**
     * Whether rows are lazy views that decode a value when it is read ({@code false}, the default: every value
     * is decoded with its event). See {@link org.mysqlreplication.event.Row}.
     */
    public boolean lazyRows() {
        return options.lazyRows();
    }

    /**
     * How many text values came out as {@link org.mysqlreplication.value.UndecodedText} (unknown charset, or
     * bytes not valid in it) instead of a {@code String}: read it with {@code sum()}, from any thread. The
     * decoders add to it (with lazy rows, each read that decodes such a value).
     */
    public LongAdder undecodedText() {
        return undecodedText;
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
    void putTableMap(TableMapEvent tableMap, TableSchema schema) {
        tableMaps.put(tableMap.tableId(), tableMap);
        tableSchemas.put(tableMap.tableId(), Objects.requireNonNull(schema, "schema"));
    }

    /**
     * Rows events larger than this many bytes are read from a spill file rather than from memory, and their
     * BLOB-family values larger than it come out as {@link org.mysqlreplication.value.LargeValue} (default
     * {@value #DEFAULT_LARGE_VALUE_THRESHOLD}).
     */
    public int largeValueThreshold() {
        return options.largeValueThreshold();
    }

    /** {@code bytes} when it is a valid large-value threshold; @throws IllegalArgumentException otherwise */
    public static int checkLargeValueThreshold(int bytes) {
        return DecodeOptions.checkLargeValueThreshold(bytes);
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

    /**
     * For a decoder whose event ends with a text: -1 when the body it reads is whole, else the text's whole length
     * in bytes, of which {@code remaining} were read (the rest stayed in the event's spill file).
     */
    long textLength(int remaining) {
        return truncatedBy > 0 ? remaining + truncatedBy : -1;
    }

    void setTruncatedBy(long bytes) {
        this.truncatedBy = bytes;
    }

    /** All the events of a TRANSACTION_PAYLOAD, decoded in this context. */
    List<BinlogEvent> innerEvents(PayloadEvents payload) {
        return innerEvents.apply(payload);
    }

    void setInnerEvents(Function<PayloadEvents, List<BinlogEvent>> innerEvents) {
        this.innerEvents = innerEvents;
    }

    /**
     * The spill files of the reader of this stream, where the decompressed parts of compressed events go when they
     * are larger than the {@link #largeValueThreshold()} (the events inside a TRANSACTION_PAYLOAD, MariaDB's
     * compressed row images); null when the context is used without a reader's spill files, and such parts are
     * decompressed into the heap.
     */
    SpillFiles spillFiles() {
        return spillFiles;
    }

    void setSpillFiles(SpillFiles spillFiles) {
        this.spillFiles = spillFiles;
    }
}
