package org.mysqlreplication.client;

import java.util.Objects;
import org.mysqlreplication.event.BinlogPosition;
import org.mysqlreplication.event.ResumePosition;
import org.mysqlreplication.gtid.MariadbGtidPosition;
import org.mysqlreplication.gtid.MysqlGtidSet;

/**
 * Where a {@link BinLogStreamReader} starts: one of five ways, exactly one per reader.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface StartPosition {

    /** The first event of the server's current binlog file (python's default, {@code resume_stream=False}). */
    StartPosition CURRENT_FILE = new CurrentFileStart();

    /** The current end of the server's binlog: only new events ({@code resume_stream=True}). */
    StartPosition END_OF_LOG = new EndOfLog();

    /** At this file and position ({@code log_file}, {@code log_pos}). */
    static StartPosition at(BinlogPosition position) {
        return new At(position);
    }

    /** After this MariaDB GTID position ({@code auto_position}). */
    static StartPosition after(MariadbGtidPosition position) {
        return new AfterMariadbGtid(position);
    }

    /** With the first transaction not in this MySQL GTID set ({@code auto_position}). */
    static StartPosition after(MysqlGtidSet set) {
        return new AfterMysqlGtidSet(set);
    }

    /**
     * Exactly after what was handed out when {@code position} was taken (to the row, see {@link ResumePosition}): by
     * its binlog file and position on the same server, or, with {@code byGtid}, by the GTID position it holds, on
     * this server or another one that has the same transactions (a replica after a failover).
     */
    static StartPosition resume(ResumePosition position, boolean byGtid) {
        return new Resume(position, byGtid);
    }

    /** See {@link #resume(ResumePosition, boolean)}. */
    record Resume(ResumePosition position, boolean byGtid) implements StartPosition {
        public Resume {
            Objects.requireNonNull(position, "position");
            if (byGtid && position.gtid() == null) {
                throw new IllegalArgumentException("resume by GTID from a position without one: " + position);
            }
        }

        /** Where the session starts: the transaction's first event, by position or by the GTID before it. */
        StartPosition session() {
            if (!byGtid) {
                return at(position.restart());
            }
            String gtid = position.gtid();
            return gtid.indexOf(':') >= 0 ? after(MysqlGtidSet.parse(gtid)) : after(MariadbGtidPosition.parse(gtid));
        }

        @Override
        public String toString() {
            return "resume " + (byGtid ? "by GTID " : "") + position.toJson();
        }
    }

    /** See {@link #CURRENT_FILE}. */
    record CurrentFileStart() implements StartPosition {
        @Override
        public String toString() {
            return "start of the current binlog file";
        }
    }

    /** See {@link #END_OF_LOG}. */
    record EndOfLog() implements StartPosition {
        @Override
        public String toString() {
            return "end of the binlog";
        }
    }

    /** A binlog file and a position in it. */
    record At(BinlogPosition position) implements StartPosition {
        public At {
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String toString() {
            return position.toString();
        }
    }

    /** MariaDB: in each domain of the position, the first transaction after that domain's GTID. */
    record AfterMariadbGtid(MariadbGtidPosition position) implements StartPosition {
        public AfterMariadbGtid {
            Objects.requireNonNull(position, "position");
        }

        @Override
        public String toString() {
            return "after MariaDB GTID " + position;
        }
    }

    /** MySQL: every transaction not in the set (COM_BINLOG_DUMP_GTID). */
    record AfterMysqlGtidSet(MysqlGtidSet set) implements StartPosition {
        public AfterMysqlGtidSet {
            Objects.requireNonNull(set, "set");
        }

        @Override
        public String toString() {
            return "after MySQL GTID set " + set;
        }
    }
}
