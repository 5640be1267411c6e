package org.mysqlreplication.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.decode.EventSelector;
import org.mysqlreplication.net.ConnectionException;
import org.mysqlreplication.protocol.ServerConnection;
import org.mysqlreplication.schema.ColumnSchema;
import org.mysqlreplication.event.decode.TableMapSchemaResolver;
import org.mysqlreplication.event.decode.ServerFlavor;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.event.decode.TableSchemaResolver;
import org.mysqlreplication.value.ColumnDef;
import org.mysqlreplication.value.ColumnType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes what a TABLE_MAP event leaves out (column names, signedness, collations, ENUM/SET labels, primary
 * key) from the server's {@code information_schema}, over a second connection opened on first need. When the
 * TABLE_MAP carries full optional metadata ({@code binlog_row_metadata=FULL}) the server is not asked, unless a
 * column has an old TIME/DATETIME/TIMESTAMP type code, whose MariaDB fractional precision only the server knows.
 *
 * <p>Answers are cached per table and dropped when a DDL statement names the table (unless the schema is
 * frozen). The server answers with the table as it is now, which can differ from the table when an old event
 * was written; a column count that does not match the TABLE_MAP is therefore not trusted: the columns then
 * stay unnamed and a warning is logged.
 *
 * <p>A lost schema connection is the {@link ConnectionException} it is, not a decoding error: the decoder lets it
 * through, so the reader's reconnect policy applies; the next lookup opens a new connection.
 *
 * <p>Not thread-safe: used by the reader's thread only; {@link #close()} may come from another thread.
 */
final class InformationSchemaResolver implements TableSchemaResolver, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InformationSchemaResolver.class);

    private final BinLogStreamReaderConfig config;
    private final EventSelector filter;
    private final boolean freeze;
    private final TableSchemaResolver fromTableMap = new TableMapSchemaResolver();
    private final Map<String, List<ServerColumn>> cache = new HashMap<>();
    private volatile ServerConnection connection;

    InformationSchemaResolver(BinLogStreamReaderConfig config) {
        this.config = config;
        this.filter = config.selector();
        this.freeze = config.freezeSchema();
    }

    @Override
    public TableSchema resolve(TableMapEvent tableMap) {
        return resolve(tableMap, ServerFlavor.MYSQL);
    }

    @Override
    public TableSchema resolve(TableMapEvent tableMap, ServerFlavor flavor) {
        TableSchema base = fromTableMap.resolve(tableMap, flavor);
        boolean complete = base.columns().stream().allMatch(c -> c.name() != null && !mayBeOldTemporal(c.def()));
        if (complete || !filter.acceptsTable(base.database(), base.table())) {
            return base;
        }
        List<ServerColumn> columns = cache.computeIfAbsent(key(base.database(), base.table()),
                k -> query(base.database(), base.table()));
        if (columns.size() != base.columns().size()) {
            LOG.warn("table {}.{} has {} columns on the server but {} in its TABLE_MAP event; columns stay unnamed",
                    base.database(), base.table(), columns.size(), base.columns().size());
            return base;
        }
        return merge(base, columns);
    }

    private static TableSchema merge(TableSchema base, List<ServerColumn> server) {
        List<ColumnSchema> merged = new ArrayList<>(base.columns().size());
        List<Integer> primaryKey = new ArrayList<>();
        for (int i = 0; i < server.size(); i++) {
            ColumnDef d = base.columns().get(i).def();
            ServerColumn s = server.get(i);
            int collation = d.collationId() != ColumnDef.UNKNOWN_COLLATION ? d.collationId() : s.collationId();
            ColumnDef def = new ColumnDef(d.type(), meta(d, s), d.unsigned() || s.unsigned(), collation,
                    d.enumValues().isEmpty() ? s.enumValues() : d.enumValues(),
                    d.setValues().isEmpty() ? s.setValues() : d.setValues());
            merged.add(new ColumnSchema(s.name(), def, s.nullable()));
            if (s.primaryKey()) {
                primaryKey.add(i);
            }
        }
        return new TableSchema(base.database(), base.table(), merged,
                base.primaryKey().isEmpty() ? primaryKey : base.primaryKey());
    }

    /**
     * The TABLE_MAP metadata, except for MariaDB's own TIME(n)/DATETIME(n)/TIMESTAMP(n) format (MariaDB 5.3 to
     * 10.0, and later servers with {@code mysql56_temporal_format=OFF}): those columns keep the old type codes
     * with no metadata, so their fractional precision comes from the server, as the value decoder expects it.
     */
    private static int meta(ColumnDef d, ServerColumn s) {
        return mayBeOldTemporal(d) && s.datetimePrecision() > 0 ? s.datetimePrecision() : d.meta();
    }

    /** A column whose fractional precision only the server knows (even when TABLE_MAP has full metadata). */
    private static boolean mayBeOldTemporal(ColumnDef d) {
        return (d.type() == ColumnType.TIME || d.type() == ColumnType.DATETIME || d.type() == ColumnType.TIMESTAMP)
                && d.meta() == 0;
    }

    private List<ServerColumn> query(String database, String table) {
        String sql = "SELECT c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_KEY, co.ID, c.DATETIME_PRECISION"
                + " FROM information_schema.COLUMNS c LEFT JOIN information_schema.COLLATIONS co"
                + " ON co.COLLATION_NAME = c.COLLATION_NAME"
                + " WHERE c.TABLE_SCHEMA = " + ColumnTypeLabels.quote(database)
                + " AND c.TABLE_NAME = " + ColumnTypeLabels.quote(table)
                + " ORDER BY c.ORDINAL_POSITION";
        List<ServerColumn> columns = new ArrayList<>();
        List<List<String>> rows;
        try {
            rows = connection().query(sql).rows();
        } catch (ConnectionException e) {
            close(); // the next lookup connects again; the reader sees this failure as the connection's
            connection = null;
            throw e;
        }
        for (List<String> row : rows) {
            columns.add(ServerColumn.of(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5)));
        }
        return List.copyOf(columns);
    }

    /** Forgets tables a DDL statement may have changed. */
    void onQuery(QueryEvent event) {
        if (freeze || cache.isEmpty()) {
            return;
        }
        String sql = event.query().toLowerCase(Locale.ROOT).trim();
        if (!(sql.startsWith("alter") || sql.startsWith("create") || sql.startsWith("drop")
                || sql.startsWith("rename") || sql.startsWith("truncate"))) {
            return;
        }
        cache.keySet().removeIf(k -> sql.contains(k.substring(k.indexOf('.') + 1)));
    }

    private ServerConnection connection() {
        ServerConnection c = connection;
        if (c == null) {
            c = ServerConnection.open(config.connection());
            connection = c;
        }
        return c;
    }

    private static String key(String database, String table) {
        return database + "." + table.toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        ServerConnection c = connection;
        if (c != null) {
            c.close();
        }
    }
}
