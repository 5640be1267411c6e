package org.mysqlreplication.testing.replay;

/** A client broke the protocol the replay server speaks (a short or unexpected packet); ends that session. */
final class ReplayProtocolException extends RuntimeException {

    ReplayProtocolException(String message) {
        super(message);
    }
}
