package org.mysqlreplication.testing.replay;

import java.time.Duration;

/**
 * Faults a {@link MysqlReplayServer} injects into each binlog dump, counting the event packets of one dump from 1
 * (the artificial ROTATE is event 1) and its bytes from 0 (the event packets' payloads, each with its leading
 * {@code 0x00}). Each is off when negative or null.
 *
 * @param dropAtEvent close the connection instead of sending this event
 * @param dropAtByte close the connection after sending this many bytes of the dump, cutting an event packet
 * @param stallAtEvent wait {@code stall} before sending this event
 * @param flipAtEvent XOR {@code 0xFF} into one byte of this event, at {@code flipOffset} from the event's start
 */
record ReplayFaults(
        int dropAtEvent, long dropAtByte, int stallAtEvent, Duration stall, int flipAtEvent, int flipOffset) {

    static final ReplayFaults NONE = new ReplayFaults(-1, -1, -1, null, -1, 0);
}
