package org.mysqlreplication.value;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a small ASCII table shipped beside this package's classes: one row a line, fields split at single
 * spaces, blank lines and {@code #} comments skipped. Stateless and thread-safe.
 */
final class ResourceTable {

    private ResourceTable() {}

    /** The rows of the resource {@code name}; @throws IllegalStateException when it is missing. */
    static List<String[]> rows(String name) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = ResourceTable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.trim().split(" "));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
