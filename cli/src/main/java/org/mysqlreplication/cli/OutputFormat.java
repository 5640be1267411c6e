package org.mysqlreplication.cli;

import java.io.PrintWriter;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.jsonl.JsonLines;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --format text|json} and {@code --events rows|all} options of {@code dump} and {@code read} (a picocli
 * mixin), and the printer they choose: the dump text of every event, or JSON lines ({@link JsonLines}) of the row
 * changes, and with {@code --events all} of every event. Not thread-safe.
 */
final class OutputFormat {

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "text|json",
            description = "text: the dump"
                    + " format (default); json: one JSON object per changed row, per line, in Maxwell's shape")
    private String format;

    @Option(
            names = "--events",
            paramLabel = "rows|all",
            description = "with --format json: rows (default) writes"
                    + " the changed rows only, all also every other event as an object with an \"event\" field")
    private String events;

    /** Prints events in the chosen format. */
    interface Printer {
        /** Prints {@code event}, which ends at {@code position} of {@code file} ({@code null} when not known). */
        void print(BinlogEvent event, String file, long position);

        /** Prints what is held back at the end of the input (JSON lines' last row). */
        void finish();
    }

    /**
     * Whether the output is JSON lines: the readers then give lazy rows, whose common values the writer copies from
     * the event's bytes (the same lines, faster).
     */
    boolean json() {
        return format.equalsIgnoreCase("json");
    }

    /** The printer to {@code out}; a usage error for an unknown value or {@code --events} without json. */
    Printer printer(CommandSpec spec, PrintWriter out) {
        String f = format.toLowerCase(java.util.Locale.ROOT);
        String e = events == null ? "rows" : events.toLowerCase(java.util.Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format must be text or json, found '" + format + "'");
        }
        if (!e.equals("rows") && !e.equals("all")) {
            throw new ParameterException(spec.commandLine(), "--events must be rows or all, found '" + events + "'");
        }
        if (f.equals("text")) {
            if (events != null) {
                throw new ParameterException(spec.commandLine(), "--events needs --format json");
            }
            return new Printer() {
                @Override
                public void print(BinlogEvent event, String file, long position) {
                    out.print(event.dump());
                }

                @Override
                public void finish() {
                    out.flush();
                }
            };
        }
        JsonLines lines = new JsonLines(out, e.equals("all"));
        return new Printer() {
            @Override
            public void print(BinlogEvent event, String file, long position) {
                lines.write(event, file, position);
            }

            @Override
            public void finish() {
                lines.finish();
                out.flush();
            }
        };
    }
}
