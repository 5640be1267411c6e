package org.mysqlreplication.value.json;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a walked document as a tree of standard Java values, for {@link MysqlJson#tree()}: objects as unmodifiable
 * {@code Map<String, Object>} in stored key order, arrays as unmodifiable {@code List<Object>}, the null literal as
 * {@code null}, true/false as {@link Boolean}, integers as {@link Long} ({@link BigInteger} for a uint64 above
 * {@link Long#MAX_VALUE}), doubles as {@link Double}, strings as {@link String}, opaque values by
 * {@link #opaque}.
 *
 * <p>Not thread-safe: one builder per document.
 */
final class JsonTreeBuilder implements JsonHandler {

    /** The open containers, innermost first: the modifiable map or list behind the view handed to the parent. */
    private final ArrayDeque<Object> open = new ArrayDeque<>();

    private String key;
    private Object root;

    Object root() {
        return root;
    }

    @Override
    public void startObject(int count) {
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, count * 4 / 3 + 1));
        add(Collections.unmodifiableMap(map));
        open.push(map);
    }

    @Override
    public void key(byte[] b, int offset, int length, int index) {
        key = new String(b, offset, length, StandardCharsets.UTF_8);
    }

    @Override
    public void endObject() {
        open.pop();
    }

    @Override
    public void startArray(int count) {
        List<Object> list = new ArrayList<>(count);
        add(Collections.unmodifiableList(list));
        open.push(list);
    }

    @Override
    public void element(int index) {}

    @Override
    public void endArray() {
        open.pop();
    }

    @Override
    public void literal(int literal) {
        add(literal == JsonBinary.NULL_LITERAL ? null : literal == JsonBinary.TRUE_LITERAL);
    }

    @Override
    public void signed(long value) {
        add(value);
    }

    @Override
    public void unsigned(long value) {
        add(value >= 0 ? (Object) value : new BigInteger(Long.toUnsignedString(value)));
    }

    @Override
    public void floating(double value) {
        add(value);
    }

    @Override
    public void string(byte[] b, int offset, int length) {
        add(new String(b, offset, length, StandardCharsets.UTF_8));
    }

    /**
     * DECIMAL as {@link java.math.BigDecimal} with its stored scale; DATE, TIME, DATETIME and TIMESTAMP by
     * {@link JsonOpaque#temporalValue}; VAR_STRING as {@link String}; any other type as the text MySQL prints for
     * it, {@code base64:type<N>:<data>}.
     */
    @Override
    public void opaque(int fieldType, byte[] b, int offset, int length) {
        switch (fieldType) {
            case JsonOpaque.NEWDECIMAL -> add(JsonOpaque.decimal(b, offset, length));
            case JsonOpaque.DATE, JsonOpaque.TIME, JsonOpaque.DATETIME, JsonOpaque.TIMESTAMP ->
                add(JsonOpaque.temporalValue(fieldType, JsonOpaque.temporal(fieldType, b, offset, length)));
            case JsonOpaque.VAR_STRING -> string(b, offset, length);
            default -> add(JsonOpaque.base64(fieldType, b, offset, length));
        }
    }

    @SuppressWarnings("unchecked")
    private void add(Object value) {
        Object parent = open.peek();
        if (parent == null) {
            root = value;
        } else if (parent instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(key, value);
        } else {
            ((List<Object>) parent).add(value);
        }
    }
}
