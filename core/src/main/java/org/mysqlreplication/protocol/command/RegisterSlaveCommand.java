package org.mysqlreplication.protocol.command;

import java.nio.charset.StandardCharsets;
import org.mysqlreplication.net.PayloadWriter;

/**
 * {@code COM_REGISTER_SLAVE} (0x15): announces this client as a replica, so it shows in
 * {@code SHOW SLAVE HOSTS}. Payload: server id (4), report host, user and password (each a 1-byte length and
 * the bytes), report port (2), replication rank (4, ignored, 0), master id (4, 0).
 *
 * <p>{@code toString()} hides the report password. Immutable and thread-safe.
 */
public record RegisterSlaveCommand(
        long serverId, String reportHost, String reportUser, String reportPassword, int reportPort) implements Command {

    public static final int COM_REGISTER_SLAVE = 0x15;

    public RegisterSlaveCommand {
        if (serverId < 0 || serverId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("server id must be 0 to 4294967295, found " + serverId);
        }
        if (reportPort < 0 || reportPort > 0xFFFF) {
            throw new IllegalArgumentException("report port must be 0 to 65535, found " + reportPort);
        }
        reportHost = reportHost == null ? "" : reportHost;
        reportUser = reportUser == null ? "" : reportUser;
        reportPassword = reportPassword == null ? "" : reportPassword;
    }

    @Override
    public byte[] toPayload() {
        return new PayloadWriter()
                .int8(COM_REGISTER_SLAVE)
                .int32(serverId)
                .int8Bytes(reportHost.getBytes(StandardCharsets.UTF_8))
                .int8Bytes(reportUser.getBytes(StandardCharsets.UTF_8))
                .int8Bytes(reportPassword.getBytes(StandardCharsets.UTF_8))
                .int16(reportPort)
                .int32(0)
                .int32(0)
                .toByteArray();
    }

    @Override
    public String toString() {
        return "RegisterSlaveCommand[serverId=" + serverId + ", reportHost=" + reportHost + ", reportUser="
                + reportUser + ", reportPassword=" + (reportPassword.isEmpty() ? "" : "***") + ", reportPort="
                + reportPort + "]";
    }
}
