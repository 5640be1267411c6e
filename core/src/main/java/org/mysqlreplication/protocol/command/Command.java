package org.mysqlreplication.protocol.command;

/**
 * A command of the command phase: its payload starts with the command byte ({@code COM_*} of
 * {@code include/my_command.h}). Implementations are immutable and thread-safe.
 */
public interface Command {

    /** The whole payload, command byte first. */
    byte[] toPayload();
}
