package org.mysqlreplication.event.decode;

import java.util.Objects;
import java.util.function.Consumer;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.schema.SchemaHistory;
import org.mysqlreplication.schema.SchemaMismatch;
import org.mysqlreplication.schema.SchemaMismatchPolicy;
import org.mysqlreplication.schema.TableDefinition;
import org.mysqlreplication.schema.TableSchema;

/**
 * A {@link TableSchemaResolver} backed by a {@link SchemaHistory}, for readers without a server to ask (binlog
 * files on disk): a table the history knows gets its definition, checked against the TABLE_MAP
 * ({@link TableMapCheck}, the policy deciding on a mismatch); any other gets what the TABLE_MAP alone says. The
 * caller feeds the history the QUERY events as it reads them ({@link SchemaHistory#apply}), before reading on.
 *
 * <p>Not thread-safe: one decoding thread.
 */
public final class SchemaHistoryResolver implements TableSchemaResolver {

    /** Where the definitions come from, for mismatch messages. */
    public static final String SOURCE = "the schema history";

    /** Applies a QUERY event's statement to {@code history}; see {@link SchemaHistory#apply}. */
    public static boolean apply(SchemaHistory history, QueryEvent query, String file, long nextPosition) {
        return history.apply(
                new SchemaHistory.Statement(
                        query.query(),
                        query.schema(),
                        query.statusVars().sqlMode(),
                        query.statusVars().collationServer(),
                        query.errorCode()),
                file,
                nextPosition);
    }

    private final SchemaHistory history;
    private final SchemaMismatchPolicy policy;
    private final Consumer<SchemaMismatch> onMismatch;
    private final TableMapSchemaResolver fromTableMap = new TableMapSchemaResolver();

    /** @param onMismatch told of each mismatch under {@link SchemaMismatchPolicy#POSITIONAL_NAMES} */
    public SchemaHistoryResolver(
            SchemaHistory history, SchemaMismatchPolicy policy, Consumer<SchemaMismatch> onMismatch) {
        this.history = Objects.requireNonNull(history, "history");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.onMismatch = Objects.requireNonNull(onMismatch, "onMismatch");
    }

    @Override
    public TableSchema resolve(TableMapEvent tableMap) {
        return resolve(tableMap, ServerFlavor.MYSQL);
    }

    @Override
    public TableSchema resolve(TableMapEvent tableMap, ServerFlavor flavor) {
        TableSchema base = fromTableMap.resolve(tableMap, flavor);
        TableDefinition definition = history.table(tableMap.schema(), tableMap.table());
        if (definition == null) {
            return base;
        }
        return TableMapCheck.resolve(tableMap, base, definition, SOURCE, policy, onMismatch);
    }
}
