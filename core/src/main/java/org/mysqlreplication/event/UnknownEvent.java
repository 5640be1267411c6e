package org.mysqlreplication.event;

import java.util.Objects;

/**
 * An event whose type this library does not decode (yet), delivered as its raw body when the decoder's policy is
 * to deliver such events. The body excludes the common header and the checksum.
 *
 * <p>Immutable and thread-safe (the body is copied in and out).
 */
public record UnknownEvent(EventHeader header, byte[] body) implements BinlogEvent {

    public UnknownEvent {
        Objects.requireNonNull(header, "header");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String dump() {
        return DumpText.start("NotImplementedEvent", header)
                .field("Event type", header.typeName())
                .end();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownEvent u && header.equals(u.header) && java.util.Arrays.equals(body, u.body);
    }

    @Override
    public int hashCode() {
        return header.hashCode() * 31 + java.util.Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnknownEvent[" + header.typeName() + ", " + body.length + " byte(s)]";
    }
}
