package org.mysqlreplication.bench;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.BinaryLogFileReader;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventData;
import com.github.shyiko.mysql.binlog.event.EventHeader;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * mysql-binlog-connector-java's two readers, in its default deserialization mode (as most users run it):
 * {@link BinaryLogClient} over the network and {@link BinaryLogFileReader}. Stateless.
 *
 * <p>The client runs non-blocking ({@code setBlocking(false)}, {@code setKeepAlive(false)}), and {@code connect()}
 * reads in the calling thread; it also disconnects as soon as an event reaches the end position taken with
 * {@code SHOW MASTER STATUS}, whichever comes first.
 */
public final class ConnectorReaders {

    private ConnectorReaders() {}

    public static ReadResult network(Target t) {
        BinaryLogClient client = new BinaryLogClient(t.host(), t.port(), t.user(), t.password());
        client.setServerId(t.serverId());
        client.setBinlogFilename(t.startFile());
        client.setBinlogPosition(4);
        client.setKeepAlive(false);
        client.setBlocking(false);
        client.setEventDeserializer(new EventDeserializer());
        ValueFold fold = new ValueFold();
        long[] events = {0};
        String[] file = {t.startFile()};
        boolean[] reachedEnd = {false};
        client.registerEventListener(event -> {
            events[0]++;
            fold(event.getData(), fold);
            if (event.getData() instanceof RotateEventData r) {
                file[0] = r.getBinlogFilename();
            }
            EventHeader h = event.getHeader();
            if (h instanceof EventHeaderV4 v4
                    && file[0].equals(t.endFile())
                    && v4.getNextPosition() >= t.endPosition()
                    && !reachedEnd[0]) {
                reachedEnd[0] = true;
                try {
                    client.disconnect();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        try {
            client.connect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ReadResult.of(fold, events[0], 0);
    }

    public static ReadResult files(Target t) {
        ValueFold fold = new ValueFold();
        long events = 0;
        for (Path path : t.files()) {
            try (BinaryLogFileReader reader = new BinaryLogFileReader(path.toFile(), new EventDeserializer())) {
                Event e;
                while ((e = reader.readEvent()) != null) {
                    events++;
                    fold(e.getData(), fold);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ReadResult.of(fold, events, 0);
    }

    static void fold(EventData data, ValueFold fold) {
        if (data instanceof WriteRowsEventData w) {
            for (Serializable[] r : w.getRows()) {
                fold.countRow();
                row(r, fold);
            }
        } else if (data instanceof UpdateRowsEventData u) {
            for (Map.Entry<Serializable[], Serializable[]> r : u.getRows()) {
                fold.countRow();
                row(r.getKey(), fold);
                row(r.getValue(), fold);
            }
        } else if (data instanceof DeleteRowsEventData d) {
            for (Serializable[] r : d.getRows()) {
                fold.countRow();
                row(r, fold);
            }
        }
    }

    private static void row(Serializable[] r, ValueFold fold) {
        for (int i = 0; i < r.length; i++) {
            fold.value(i, r[i]);
        }
    }
}
