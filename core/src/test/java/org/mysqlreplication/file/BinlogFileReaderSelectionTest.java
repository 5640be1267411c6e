package org.mysqlreplication.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XidEvent;
import org.mysqlreplication.event.decode.DecodeContext;
import org.mysqlreplication.event.decode.EventDecodeException;
import org.mysqlreplication.event.decode.EventSelector;
import org.mysqlreplication.event.decode.UnknownEventPolicy;

/** A binlog file is read with the same selection as a live stream, and its framing is as strict. */
class BinlogFileReaderSelectionTest {

    private static final String SAKILA = "osheroff-mysql-binlog-connector-java/src/test/resources/mysql-bin.sakila";
    private static final String CRC32 =
            "osheroff-mysql-binlog-connector-java/src/test/resources/mysql-bin.checksum-crc32";

    @TempDir
    Path tmp;

    private static List<BinlogEvent> read(Path file, EventSelector selector) {
        List<BinlogEvent> out = new ArrayList<>();
        try (BinlogFileReader r = new BinlogFileReader(
                file,
                new DecodeContext(UnknownEventPolicy.DELIVER),
                selector,
                Path.of(System.getProperty("java.io.tmpdir")))) {
            r.forEach(out::add);
        }
        return out;
    }

    private static String tableOf(BinlogEvent e) {
        return e instanceof TableMapEvent t
                ? t.table()
                : e instanceof RowsEvent r ? r.table().table() : null;
    }

    @Test
    void theSelectionOfAFileKeepsExactlyWhatFilteringEveryEventKeeps() {
        Path file = Fixtures.file(SAKILA);
        List<BinlogEvent> all = read(file, EventSelector.ALL);
        assertThat(all).hasSize(1462); // the headers of the file, walked independently: 1,462 events

        List<BinlogEvent> actor =
                read(file, EventSelector.builder().onlyTables(Set.of("actor")).build());
        List<String> expected = all.stream()
                .filter(e -> tableOf(e) == null || tableOf(e).equals("actor"))
                .map(BinlogEvent::dump)
                .toList();
        assertThat(actor.stream().map(BinlogEvent::dump).toList()).isEqualTo(expected);
        assertThat(actor).filteredOn(e -> e instanceof WriteRowsEvent).isNotEmpty();

        List<BinlogEvent> rowsOnly = read(
                file,
                EventSelector.builder()
                        .onlyEvents(Set.of(WriteRowsEvent.class))
                        .ignoredTables(Set.of("sakila.actor"))
                        .build());
        assertThat(rowsOnly)
                .isNotEmpty()
                .allMatch(
                        e -> e instanceof WriteRowsEvent w && !w.table().table().equals("actor"));
        assertThat(rowsOnly).hasSize((int) all.stream()
                .filter(e -> e instanceof WriteRowsEvent w && !w.table().table().equals("actor"))
                .count());

        List<BinlogEvent> noQueries = read(
                file,
                EventSelector.builder()
                        .ignoredEvents(Set.of(QueryEvent.class, XidEvent.class))
                        .build());
        assertThat(noQueries).hasSize(1462 - 54 - 15); // 54 QUERY and 15 XID events in the header walk
    }

    /**
     * A table the selection drops is never given to the resolver: it cannot query a server, nor fail the stream on
     * a schema mismatch, for a table one chose to ignore. Its TABLE_MAP still counts for the rows that follow.
     */
    @Test
    void theResolverIsAskedOnlyAboutTheTablesThatAreHandedOut() {
        Path file = Fixtures.file(SAKILA);
        Set<String> all = new java.util.TreeSet<>();
        read(file, EventSelector.ALL).forEach(e -> {
            if (e instanceof TableMapEvent t) {
                all.add(t.schema() + "." + t.table());
            }
        });
        assertThat(all).contains("sakila.actor", "sakila.film").hasSizeGreaterThan(3);
        for (EventSelector selector : List.of(
                EventSelector.builder().onlyTables(Set.of("actor")).build(),
                EventSelector.builder()
                        .ignoredTables(Set.of("sakila.actor", "film"))
                        .build(),
                EventSelector.builder().onlySchemas(Set.of("nosuch")).build(),
                EventSelector.builder().ignoredSchemas(Set.of("sakila")).build())) {
            Set<String> asked = new java.util.TreeSet<>();
            org.mysqlreplication.event.decode.TableSchemaResolver refusing = tm -> {
                if (!selector.acceptsTable(tm.schema(), tm.table())) {
                    throw new AssertionError("asked about " + tm.schema() + "." + tm.table() + " with " + selector);
                }
                asked.add(tm.schema() + "." + tm.table());
                return new org.mysqlreplication.event.decode.TableMapSchemaResolver().resolve(tm);
            };
            List<BinlogEvent> out = new ArrayList<>();
            try (BinlogFileReader r = new BinlogFileReader(
                    file, new DecodeContext(refusing, UnknownEventPolicy.DELIVER), selector, tmp)) {
                r.forEach(out::add);
            }
            assertThat(asked)
                    .isEqualTo(all.stream()
                            .filter(t -> selector.acceptsTable(t.split("\\.")[0], t.split("\\.")[1]))
                            .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
            assertThat(out)
                    .filteredOn(e -> e instanceof RowsEvent)
                    .allMatch(e -> selector.acceptsTable("sakila", tableOf(e)));
        }
    }

    /**
     * With CRC32 on, a FORMAT_DESCRIPTION whose size field reaches the end of the file used to read as one event
     * and the file as complete. Its size must be what its own post-header length says.
     */
    @Test
    void aFormatDescriptionWithACorruptSizeIsAnErrorNotTheWholeFile() throws IOException {
        byte[] b = Files.readAllBytes(Fixtures.file(CRC32));
        long size = b.length - 4;
        for (int i = 0; i < 4; i++) {
            b[4 + 9 + i] = (byte) (size >>> (8 * i));
        }
        Path corrupt = Files.write(tmp.resolve("mysql-bin.000001"), b);
        assertThatThrownBy(() -> read(corrupt, EventSelector.ALL))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageContaining("format description of " + size + " bytes")
                .hasMessageContaining("mysql-bin.000001")
                .hasMessageContaining("position 4");
        assertThat(read(Fixtures.file(CRC32), EventSelector.ALL)).hasSize(303);
    }
}
