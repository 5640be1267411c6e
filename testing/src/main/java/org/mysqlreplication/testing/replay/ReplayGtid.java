package org.mysqlreplication.testing.replay;

/**
 * The GTID a GTID_LOG_EVENT or GTID_TAGGED_LOG_EVENT opens its transaction with.
 *
 * @param uuid the source UUID in its text form
 * @param tag the tag (MySQL 8.3+), empty for none
 * @param gno the transaction number
 */
record ReplayGtid(String uuid, String tag, long gno) {

    /** The source as {@link ReplayGtidSet} keys it: {@code uuid}, or {@code uuid:tag}. */
    String tsid() {
        return tag.isEmpty() ? uuid : uuid + ":" + tag;
    }

    @Override
    public String toString() {
        return tsid() + ":" + gno;
    }
}
