package org.mysqlreplication.testing.replay;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * One client connection of a {@link MysqlReplayServer}: the login, then commands until COM_QUIT, a binlog dump
 * (the last command of a connection, as on MySQL) or the end of the connection. Runs on its own thread.
 */
final class ReplaySession implements Runnable {

    private static final int COM_QUIT = 0x01;
    private static final int COM_INIT_DB = 0x02;
    private static final int COM_QUERY = 0x03;
    private static final int COM_PING = 0x0E;
    private static final int COM_BINLOG_DUMP = 0x12;
    private static final int COM_REGISTER_SLAVE = 0x15;
    private static final int COM_SET_OPTION = 0x1B;
    private static final int COM_BINLOG_DUMP_GTID = 0x1E;
    private static final int COM_RESET_CONNECTION = 0x1F;

    private final ServerConfig config;
    private final Socket accepted;
    private final long connectionId;
    private final SystemVariables variables;
    private final BooleanSupplier serverClosed;
    private volatile Socket socket;

    ReplaySession(
            ServerConfig config,
            Socket accepted,
            long connectionId,
            SystemVariables variables,
            BooleanSupplier serverClosed) {
        this.config = config;
        this.accepted = accepted;
        this.socket = accepted;
        this.connectionId = connectionId;
        this.variables = variables;
        this.serverClosed = serverClosed;
    }

    /** Closes the connection (the TLS socket too, if any); ends a waiting dump. */
    void close() {
        try {
            socket.close();
            accepted.close();
        } catch (IOException ignored) {
            // closing what may already be closed
        }
    }

    @Override
    public void run() {
        try (Socket s = accepted) {
            ServerPackets packets = new ServerPackets(s.getInputStream(), s.getOutputStream());
            ServerLogin login = new ServerLogin(config, packets, s, connectionId);
            ReplayUser user = login.run();
            socket = login.socket();
            if (user != null) {
                commands(packets, new QueryAnswers(config, variables, user.name(), connectionId));
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or broke the protocol: this session ends, the server goes on
        } finally {
            config.replicas().leave(connectionId);
            close();
        }
    }

    private void commands(ServerPackets packets, QueryAnswers answers) throws IOException {
        while (true) {
            packets.resetSequence();
            PayloadIn cmd = new PayloadIn(packets.read());
            int code = cmd.int8();
            switch (code) {
                case COM_QUIT -> {
                    return;
                }
                case COM_QUERY -> answers.answer(new String(cmd.rest(), StandardCharsets.UTF_8), packets);
                case COM_PING, COM_INIT_DB, COM_RESET_CONNECTION -> packets.write(ServerReplies.ok());
                case COM_REGISTER_SLAVE -> {
                    config.replicas().register(connectionId, cmd, answers);
                    packets.write(ServerReplies.ok());
                }
                case COM_SET_OPTION -> packets.write(ServerReplies.eof());
                case COM_BINLOG_DUMP -> {
                    new BinlogDump(config, packets, socket, answers, serverClosed).byPosition(cmd);
                    return;
                }
                case COM_BINLOG_DUMP_GTID -> {
                    byte[] payload = cmd.rest();
                    config.lastGtidDump().set(payload);
                    new BinlogDump(config, packets, socket, answers, serverClosed).byGtid(new PayloadIn(payload));
                    return;
                }
                default -> packets.write(ServerReplies.err(1047, "08S01", "Unknown command"));
            }
        }
    }
}
