package org.mysqlreplication.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mysqlreplication.event.BinlogEvent;

/**
 * {@link BinLogStreamReader#close()} from another thread ends a connect in progress: against a server that accepts
 * the TCP connection and never sends its handshake, the reading thread returns well before the 10 s connect timeout.
 */
class CloseDuringConnectTest {

    @Test
    void closeFromAnotherThreadEndsAWaitForTheHandshake() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(
                    () -> {
                        try {
                            while (true) {
                                accepted.add(silent.accept()); // kept open, never written to
                            }
                        } catch (Exception listenerClosed) {
                            // the test is over
                        }
                    },
                    "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
            BinLogStreamReaderConfig config = BinLogStreamReaderConfig.builder()
                    .connection("127.0.0.1", silent.getLocalPort(), "u", "")
                    .serverId(77)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            BinLogStreamReader reader = new BinLogStreamReader(config);
            CompletableFuture<BinlogEvent> read = CompletableFuture.supplyAsync(reader::fetchOne);
            while (accepted.isEmpty()) {
                Thread.sleep(10); // the reader is connected and waits for the handshake
            }
            Thread.sleep(200);
            assertThat(read).isNotDone();

            reader.close();

            // 5 s: far less than the 10 s connect timeout that bounded the wait before
            assertThat(read.get(5, TimeUnit.SECONDS)).as("the stream has ended").isNull();
            assertThat(reader.fetchOne()).isNull();
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
