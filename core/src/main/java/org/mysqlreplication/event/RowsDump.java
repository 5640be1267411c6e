package org.mysqlreplication.event;

import java.util.BitSet;
import java.util.List;
import org.mysqlreplication.schema.TableSchema;
import org.mysqlreplication.value.json.JsonPartialUpdate;

/** The dump text shared by the three rows events. Stateless and thread-safe. */
final class RowsDump {

    private RowsDump() {}

    static DumpText start(String title, EventHeader h, TableSchema table, int rows) {
        return DumpText.start(title, h)
                .field("Table", table.database() + "." + table.table())
                .field("Affected columns", table.columns().size())
                .field("Changed rows", rows)
                .line("Values:");
    }

    static String rows(String title, EventHeader h, TableSchema table, List<Row> rows) {
        DumpText d = start(title, h, table, rows.size());
        for (Row r : rows) {
            d.line("--");
            r.asMap().forEach((k, v) -> d.line("* " + k + " : " + DumpText.repr(v)));
        }
        return d.end();
    }

    static String updates(EventHeader h, TableSchema table, List<UpdateRow> rows) {
        DumpText d = start("UpdateRowsEvent", h, table, rows.size());
        for (UpdateRow u : rows) {
            d.line("--");
            BitSet cols = u.before().present();
            cols.or(u.after().present());
            for (int i = cols.nextSetBit(0); i >= 0; i = cols.nextSetBit(i + 1)) {
                d.line("* " + u.before().columnName(i) + " : " + side(u.before(), i) + " => " + side(u.after(), i));
            }
        }
        return d.end();
    }

    private static String side(Row r, int i) {
        if (!r.isPresent(i)) {
            return "<absent>";
        }
        Object v = r.get(i);
        // a partial JSON update shows as the functions that change the column: JSON_REPLACE(doc, '$.a', 1)
        return v instanceof JsonPartialUpdate p ? p.sql(r.columnName(i)) : DumpText.repr(v);
    }
}
