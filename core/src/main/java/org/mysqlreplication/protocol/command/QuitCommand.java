package org.mysqlreplication.protocol.command;

/** {@code COM_QUIT} (0x01): tells the server the client is leaving. Immutable and thread-safe. */
public record QuitCommand() implements Command {

    public static final int COM_QUIT = 0x01;

    @Override
    public byte[] toPayload() {
        return new byte[] {COM_QUIT};
    }
}
