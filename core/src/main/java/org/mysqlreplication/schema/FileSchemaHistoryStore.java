package org.mysqlreplication.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.mysqlreplication.BinlogException;

/**
 * A {@link SchemaHistoryStore} in a file of JSON lines, one {@link SchemaHistoryRecord} a line (each DDL, its
 * position and the tables it left, as Debezium's file schema history keeps them; format in
 * {@code SchemaHistoryJson}). The file is read when the store is opened; each record is appended and forced to
 * disk before {@link #append} returns, so a position saved after it finds it.
 *
 * <p>A file that ends in a partial line (a crash while appending) loses that line only. The file holds DDL text,
 * never row values.
 *
 * <p>Thread-safe.
 */
public final class FileSchemaHistoryStore implements SchemaHistoryStore {

    private final Path file;
    private final List<SchemaHistoryRecord> records = new ArrayList<>();

    /**
     * Opens (or, when missing, will create) {@code file} and reads its records.
     *
     * @throws BinlogException when the file cannot be read or a line is not a record
     */
    public FileSchemaHistoryStore(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
                int complete = text.lastIndexOf('\n') + 1;
                if (complete < text.length()) { // a line cut short by a crash: every record ends with \n
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        ch.truncate(text.substring(0, complete).getBytes(StandardCharsets.UTF_8).length);
                    }
                    text = text.substring(0, complete);
                }
            } catch (IOException e) {
                throw new BinlogException("cannot read the schema history " + file + ": " + e.getMessage(), e);
            }
            String[] lines = text.split("\n");
            for (int n = 0; n < lines.length; n++) {
                if (lines[n].isBlank()) {
                    continue;
                }
                try {
                    records.add(SchemaHistoryJson.read(lines[n]));
                } catch (RuntimeException e) {
                    throw new BinlogException(
                            "schema history " + file + " line " + (n + 1) + " is not a record: " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    public synchronized void append(SchemaHistoryRecord record) {
        byte[] line = (SchemaHistoryJson.write(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        } catch (IOException e) {
            throw new BinlogException(
                    "cannot append to the schema history " + file + ": " + e.getMessage(), new UncheckedIOException(e));
        }
        records.add(record);
    }

    @Override
    public synchronized List<SchemaHistoryRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public String toString() {
        return "FileSchemaHistoryStore[" + file + "]";
    }
}
