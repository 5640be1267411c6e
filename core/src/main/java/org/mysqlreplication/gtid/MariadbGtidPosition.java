package org.mysqlreplication.gtid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A MariaDB GTID position: for each replication domain, the GTID of the last transaction applied in it (what
 * {@code @@gtid_slave_pos}, {@code @@gtid_binlog_pos} and {@code @slave_connect_state} hold). A reader started at
 * a position gets, in each domain, the transactions after that domain's GTID. Written as MariaDB writes it:
 * {@code 0-1-100,1-2-7} (domain-server-sequence, comma-separated); the empty position is the empty string and
 * means "from the beginning of the binlog".
 *
 * <p>The GTIDs are kept sorted by domain id, so two positions with the same GTIDs are equal whatever order they
 * were written in. Immutable and thread-safe.
 */
public record MariadbGtidPosition(List<MariadbGtid> gtids) {

    private static final MariadbGtidPosition EMPTY = new MariadbGtidPosition(List.of());

    /** @throws IllegalArgumentException when two GTIDs share a domain */
    public MariadbGtidPosition {
        Objects.requireNonNull(gtids, "gtids");
        List<MariadbGtid> sorted = new ArrayList<>(gtids);
        sorted.forEach(g -> Objects.requireNonNull(g, "gtid"));
        sorted.sort(Comparator.comparingLong(MariadbGtid::domainId));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).domainId() == sorted.get(i - 1).domainId()) {
                throw new IllegalArgumentException(
                        "two GTIDs for domain " + sorted.get(i).domainId() + " (" + sorted.get(i - 1) + ", "
                                + sorted.get(i) + "): a position has one GTID per domain");
            }
        }
        gtids = List.copyOf(sorted);
    }

    /** The empty position: no domain has a GTID. */
    public static MariadbGtidPosition empty() {
        return EMPTY;
    }

    /**
     * Parses {@code domain-server-sequence} GTIDs separated by commas (blanks around them are ignored); the empty
     * or blank string is the empty position.
     *
     * @throws GtidFormatException when a GTID is malformed, a number is out of range (domain and server id: 32
     *                             bits unsigned, sequence number: 64 bits unsigned), or a domain repeats
     */
    public static MariadbGtidPosition parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            return EMPTY;
        }
        List<MariadbGtid> gtids = new ArrayList<>();
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            gtids.add(parseGtid(parts[i].strip(), i + 1));
        }
        try {
            return new MariadbGtidPosition(gtids);
        } catch (IllegalArgumentException e) {
            throw new GtidFormatException("MariaDB GTID position: " + e.getMessage());
        }
    }

    private static MariadbGtid parseGtid(String gtid, int index) {
        String[] fields = gtid.split("-", -1);
        if (fields.length != 3) {
            throw new GtidFormatException("MariaDB GTID #" + index + " '" + gtid
                    + "': expected domain-server-sequence, three unsigned numbers joined by '-'");
        }
        long domain = parseNumber(fields[0], 0xFFFF_FFFFL, "domain id", gtid, index);
        long server = parseNumber(fields[1], 0xFFFF_FFFFL, "server id", gtid, index);
        long seqNo = parseNumber(fields[2], -1L, "sequence number", gtid, index);
        return new MariadbGtid(domain, server, seqNo);
    }

    /** An unsigned decimal number up to {@code max} (compared unsigned: {@code -1} is 2^64-1). */
    private static long parseNumber(String digits, long max, String what, String gtid, int index) {
        boolean decimal =
                !digits.isEmpty() && digits.length() <= 20 && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (decimal) {
            try {
                long value = Long.parseUnsignedLong(digits);
                if (Long.compareUnsigned(value, max) <= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // above 2^64-1: reported below
            }
        }
        throw new GtidFormatException("MariaDB GTID #" + index + " '" + gtid + "': " + what + " '" + digits
                + "' is not an unsigned number up to " + Long.toUnsignedString(max));
    }

    /** The GTID of {@code domainId}, or {@code null} when the position has none for it. */
    public MariadbGtid gtid(long domainId) {
        for (MariadbGtid g : gtids) {
            if (g.domainId() == domainId) {
                return g;
            }
        }
        return null;
    }

    /** This position with {@code gtid} as its domain's GTID (replacing the domain's GTID, if any). */
    public MariadbGtidPosition with(MariadbGtid gtid) {
        List<MariadbGtid> next = new ArrayList<>(gtids.size() + 1);
        for (MariadbGtid g : gtids) {
            if (g.domainId() != gtid.domainId()) {
                next.add(g);
            }
        }
        next.add(gtid);
        return new MariadbGtidPosition(next);
    }

    /**
     * This position plus, for each domain of {@code others} it has no GTID for, the last GTID of that domain in
     * {@code others} (a GTID_LIST event may list a domain once per server, the most recent last).
     */
    public MariadbGtidPosition withMissingDomains(List<MariadbGtid> others) {
        Map<Long, MariadbGtid> last = new LinkedHashMap<>();
        for (MariadbGtid g : others) {
            if (gtid(g.domainId()) == null) {
                last.put(g.domainId(), g);
            }
        }
        if (last.isEmpty()) {
            return this;
        }
        List<MariadbGtid> next = new ArrayList<>(gtids);
        next.addAll(last.values());
        return new MariadbGtidPosition(next);
    }

    public boolean isEmpty() {
        return gtids.isEmpty();
    }

    /** The position as MariaDB writes it: {@code 0-1-100,1-2-7}, domains in increasing order; empty when empty. */
    @Override
    public String toString() {
        return gtids.stream().map(MariadbGtid::toString).collect(Collectors.joining(","));
    }
}
