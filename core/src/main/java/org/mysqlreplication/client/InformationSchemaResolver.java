package org.mysqlreplication.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.decode.SchemaHistoryResolver;
import org.mysqlreplication.event.decode.ServerFlavor;
import org.mysqlreplication.event.decode.TableMapCheck;
import org.mysqlreplication.event.decode.TableMapSchemaResolver;
import org.mysqlreplication.event.decode.TableSchemaResolver;
import org.mysqlreplication.net.ConnectionException;
import org.mysqlreplication.protocol.ServerConnection;
import org.mysqlreplication.schema.ColumnDefinition;
import org.mysqlreplication.schema.ColumnSchema;
import org.mysqlreplication.schema.SchemaHistory;
import org.mysqlreplication.schema.SchemaMismatch;
import org.mysqlreplication.schema.SchemaMismatchPolicy;
import org.mysqlreplication.schema.TableDefinition;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes what a TABLE_MAP event leaves out (column names, signedness, collations, ENUM/SET labels, primary
 * key) from the server's {@code information_schema}, over a second connection opened on first need, as the
 * config's {@link BinLogStreamReaderConfig#ctlConnection() ctl connection} says (python's
 * {@code ctl_connection_settings}). When the TABLE_MAP carries full optional metadata
 * ({@code binlog_row_metadata=FULL}) the server is not asked, unless a column has an old TIME/DATETIME/TIMESTAMP
 * type code, whose MariaDB fractional precision only the server knows.
 *
 * <p>The server answers with the table as it is now, which can differ from the table when an old event was
 * written. So its answer must pass the {@link TableMapCheck} (column count, each column's type and metadata)
 * before its names are used; when it does not, the {@link SchemaMismatchPolicy} decides: fail the event, or
 * deliver positional names, log the mismatch and count it ({@link #mismatches()}). A table the server no longer
 * has keeps what the TABLE_MAP says (unnamed columns without FULL metadata), with a warning: nothing to mislabel.
 *
 * <p>With a schema history ({@link BinLogStreamReaderConfig#schemaHistory()}) a table the history knows gets the
 * history's definition, checked the same way; the server is asked only about the others. Where the history
 * starts ({@link #start}): at the server's current position (resumeStream) a snapshot of information_schema; at an
 * older position the stored history as of that position (empty if nothing is stored).
 *
 * <p>Answers are cached per table and dropped when a DDL statement names the table (unless the schema is
 * frozen).
 *
 * <p>A lost schema connection is the {@link ConnectionException} it is, not a decoding error: the decoder lets it
 * through, so the reader's reconnect policy applies; the next lookup opens a new connection.
 *
 * <p>Not thread-safe: used by the reader's thread only; {@link #close()} and {@link #mismatches()} may come from
 * another thread.
 */
final class InformationSchemaResolver implements TableSchemaResolver, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InformationSchemaResolver.class);
    static final String SOURCE = "information_schema (the table as it is now)";

    private final BinLogStreamReaderConfig config;
    private final boolean freeze;
    private final SchemaMismatchPolicy policy;
    private final TableSchemaResolver fromTableMap = new TableMapSchemaResolver();
    private final Map<TableKey, ServerTable> cache = new HashMap<>();
    private final AtomicLong mismatches = new AtomicLong();
    private final SchemaHistory history;
    /** The history waits for its start position (a GTID start knows it at the server's first ROTATE). */
    private boolean historyStarted;

    private volatile ServerConnection connection;

    /** A table as the server describes it, with the collation ids it reports. */
    record ServerTable(TableDefinition definition, int[] collationIds) {}

    InformationSchemaResolver(BinLogStreamReaderConfig config) {
        this.config = config;
        this.freeze = config.freezeSchema();
        this.policy = config.schemaMismatchPolicy();
        this.history = config.schemaHistory() == null ? null : new SchemaHistory(config.schemaHistory());
        this.historyStarted = history == null;
    }

    /**
     * Where the stream starts ({@code null} until the server says, for a GTID start): the history takes the
     * server's tables there when it is the server's current position, else the stored history as of there.
     * Only the first call counts (a reconnect continues the same history).
     */
    void start(BinlogPosition position) {
        if (historyStarted || position == null) {
            return;
        }
        historyStarted = true;
        if (config.start() instanceof StartPosition.EndOfLog) {
            InformationSchemaSnapshot.Snapshot s = InformationSchemaSnapshot.take(connection());
            history.snapshot(position.file(), position.position(), s.databases(), s.tables());
            LOG.info(
                    "schema history starts with {} table(s) from information_schema at {}",
                    s.tables().size(),
                    position);
        } else if (!history.isEmpty()) {
            history.restore(position.file(), position.position());
        }
    }

    /** A GTID start: the history starts before the first event whose position the server has said. */
    private void startBefore(EventHeader header, BinlogPosition current) {
        if (!historyStarted && current != null && header.logPos() > 0) {
            start(new BinlogPosition(current.file(), header.logPos() - header.eventSize()));
        }
    }

    @Override
    public TableSchema resolve(TableMapEvent tableMap) {
        return resolve(tableMap, ServerFlavor.MYSQL);
    }

    /** The decoder's call: the TABLE_MAP's own metadata is read as {@code flavor}'s server writes it. */
    @Override
    public TableSchema resolve(TableMapEvent tableMap, ServerFlavor flavor) {
        TableSchema base = fromTableMap.resolve(tableMap, flavor);
        boolean complete = base.columns().stream().allMatch(c -> c.name() != null && !mayBeOldTemporal(c.def()));
        if (history != null) {
            TableDefinition known = history.table(base.database(), base.table());
            if (known != null) {
                return checked(tableMap, base, known, SchemaHistoryResolver.SOURCE);
            }
        }
        if (complete) {
            return base;
        }
        ServerTable server =
                cache.computeIfAbsent(key(base.database(), base.table()), k -> query(base.database(), base.table()));
        if (server.definition().columns().isEmpty()) {
            return base; // not on the server (dropped since): no names to give, none to give wrongly
        }
        return withServerCollations(checked(tableMap, base, server.definition(), SOURCE), server);
    }

    /** {@code definition} checked against the TABLE_MAP and merged, or as the policy says on a mismatch. */
    TableSchema checked(TableMapEvent tableMap, TableSchema base, TableDefinition definition, String source) {
        return TableMapCheck.resolve(tableMap, base, definition, source, policy, this::onMismatch);
    }

    private void onMismatch(SchemaMismatch mismatch) {
        mismatches.incrementAndGet();
        LOG.warn("rows under positional names: {}", mismatch.message());
    }

    /** How many TABLE_MAP events had a mismatching schema and gave positional names. Any thread may ask. */
    long mismatches() {
        return mismatches.get();
    }

    /** The server's own collation ids where the TABLE_MAP has none (the check only needs their charsets). */
    private static TableSchema withServerCollations(TableSchema merged, ServerTable server) {
        if (merged.columns().size() != server.collationIds().length
                || merged.columns().stream().anyMatch(c -> c.name() == null)) {
            return merged;
        }
        List<ColumnSchema> columns = new ArrayList<>(merged.columns().size());
        for (int i = 0; i < merged.columns().size(); i++) {
            ColumnSchema c = merged.columns().get(i);
            ColumnDef d = c.def();
            int id = server.collationIds()[i];
            if (id != ColumnDef.UNKNOWN_COLLATION && id != d.collationId() && sameCharset(id, d.collationId())) {
                d = new ColumnDef(d.type(), d.meta(), d.unsigned(), id, d.enumValues(), d.setValues());
            }
            columns.add(new ColumnSchema(c.name(), d, c.nullable(), c.collationName()));
        }
        return new TableSchema(merged.database(), merged.table(), columns, merged.primaryKey());
    }

    private static boolean sameCharset(int a, int b) {
        String ca = org.mysqlreplication.value.Collations.mysqlCharsetNameOf(a);
        return b == ColumnDef.UNKNOWN_COLLATION
                || ca != null && ca.equals(org.mysqlreplication.value.Collations.mysqlCharsetNameOf(b));
    }

    /** A column whose fractional precision only the server knows (even when TABLE_MAP has full metadata). */
    private static boolean mayBeOldTemporal(ColumnDef d) {
        return (d.type() == ColumnType.TIME || d.type() == ColumnType.DATETIME || d.type() == ColumnType.TIMESTAMP)
                && d.meta() == 0;
    }

    private ServerTable query(String database, String table) {
        String sql = "SELECT c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_KEY, co.ID,"
                + " c.CHARACTER_SET_NAME, c.COLLATION_NAME"
                + " FROM information_schema.COLUMNS c LEFT JOIN information_schema.COLLATIONS co"
                + " ON co.COLLATION_NAME = c.COLLATION_NAME"
                + " WHERE c.TABLE_SCHEMA = " + literal(database)
                + " AND c.TABLE_NAME = " + literal(table)
                + " ORDER BY c.ORDINAL_POSITION";
        List<List<String>> rows;
        try {
            rows = connection().query(sql).rows();
        } catch (ConnectionException e) {
            close(); // the next lookup connects again; the reader sees this failure as the connection's
            connection = null;
            throw e;
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        int[] ids = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            columns.add(ColumnDefinition.ofColumnType(
                    row.get(0), row.get(1), row.get(5), row.get(6), "YES".equals(row.get(2))));
            if ("PRI".equals(row.get(3))) {
                primaryKey.add(row.get(0));
            }
            ids[i] = row.get(4) != null ? Integer.parseInt(row.get(4)) : ColumnDef.UNKNOWN_COLLATION;
        }
        if (columns.isEmpty()) {
            // said once per table: the answer is cached until a DDL names the table
            LOG.warn(
                    "information_schema.COLUMNS shows user '{}' no column of table {}.{}: either the table is not on"
                            + " the server any more (dropped since its events were written), or the user lacks a privilege"
                            + " on it (COLUMNS lists only the columns a user has one on: grant the user SELECT on it for column"
                            + " names, signedness and ENUM/SET labels); its columns stay unnamed (said once per table)",
                    config.ctlConnection().user(),
                    database,
                    table);
        }
        return new ServerTable(new TableDefinition(database, table, columns, primaryKey, null, null), ids);
    }

    /**
     * A string literal of {@code value} that reads the same whatever the session's sql_mode (with or without
     * NO_BACKSLASH_ESCAPES, ANSI_QUOTES): its UTF-8 bytes in hex behind the utf8mb4 introducer. Identifiers with
     * quotes, backslashes, backticks, dots or non-ASCII letters are all safe in it.
     */
    private static String literal(String value) {
        return "_utf8mb4 X'" + HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)) + "'";
    }

    /**
     * Applies a DDL statement to the history, and forgets the server's answers about tables it may have changed.
     *
     * @param after the reader's position after the event
     */
    void onQuery(QueryEvent event, BinlogPosition after) {
        if (history != null) {
            startBefore(event.header(), after);
            if (historyStarted && after != null) {
                SchemaHistoryResolver.apply(history, event, after.file(), after.position());
            }
        }
        if (freeze || cache.isEmpty()) {
            return;
        }
        String sql = event.query().toLowerCase(Locale.ROOT).trim();
        if (!(sql.startsWith("alter")
                || sql.startsWith("create")
                || sql.startsWith("drop")
                || sql.startsWith("rename")
                || sql.startsWith("truncate")
                || sql.startsWith("/*"))) {
            return;
        }
        cache.keySet().removeIf(k -> sql.contains(k.table().toLowerCase(Locale.ROOT)));
    }

    ServerConnection connection() {
        ServerConnection c = connection;
        if (c == null) {
            c = ServerConnection.open(config.ctlConnection());
            connection = c;
        }
        return c;
    }

    /** A cached table; names compare exactly, as the server's do on Linux (lower_case_table_names=0). */
    private record TableKey(String database, String table) {}

    private static TableKey key(String database, String table) {
        return new TableKey(database, table);
    }

    @Override
    public void close() {
        ServerConnection c = connection;
        if (c != null) {
            c.close();
        }
    }
}
