package org.mysqlreplication.client;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import org.mysqlreplication.BinlogException;
import org.mysqlreplication.io.ByteReader;
import org.mysqlreplication.io.Payload;
import org.mysqlreplication.protocol.ServerConnection;

/**
 * Reads the dump stream's packets on a thread of its own, so that the socket is read while the caller's thread
 * decodes the previous events. At most {@code maxBufferedBytes} of read-ahead wait in memory (one larger
 * packet is let through alone), so the heap does not grow with a reader that falls behind.
 *
 * <p>Buffers: packets that fit are read into arrays of {@value #BUFFER_SIZE} bytes that come back to a pool when
 * the consumer asks for the next packet (it is done with the previous one by then: events are decoded into
 * values of their own), so a long stream allocates no array per event.
 *
 * <p>Spilled events: a rows event too large for the heap arrives as a {@link Payload} holding its first bytes and
 * its spill file ({@link EventSpill}); it goes through the queue in order like any packet and counts against the byte budget
 * with those first bytes only. What bounds it is the disk: at most {@value #SPILLED_AHEAD} spilled events wait in
 * the queue (one more may be read while they wait).
 *
 * <p>Order and completeness: packets come out in the order they were read; the end of the stream or a failure
 * of the reading thread comes out after every packet read before it, so nothing read is lost and a failure is
 * never swallowed.
 *
 * <p>Thread-safe for one consumer thread; {@link #close()} may be called from any thread.
 */
final class PacketPrefetcher implements AutoCloseable {

    /** Size of the pooled read buffers: larger than a rows event of the default 8 KiB row-event size limit. */
    static final int BUFFER_SIZE = 16 * 1024;

    /** How many spilled events may wait in the queue. */
    static final int SPILLED_AHEAD = 2;

    private static final Object END = new Object();

    private record Failure(RuntimeException error) {}

    private record Packet(Payload payload, int permits, byte[] pooled) {}

    /**
     * Where payloads come from: {@code read} returns null at the end, and reads into {@code reuse} when the payload
     * fits; {@code close} ends a blocked read.
     */
    interface Source {
        Payload read(byte[] reuse);

        void close();
    }

    private final Source source;
    private final int maxBufferedBytes;
    private final Semaphore budget;
    private final Semaphore spillSlots = new Semaphore(SPILLED_AHEAD);
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<byte[]> pool = new ConcurrentLinkedQueue<>();
    private byte[] lastPooled;
    private final Thread thread;
    private volatile boolean closed;
    /** How many permits the reading thread waits for in {@link #acquireBudget}; 0 when it does not wait. */
    private volatile int producerWants;

    private boolean ended;

    PacketPrefetcher(ServerConnection connection, EventSpill spill, int maxBufferedBytes, String threadName) {
        this(
                new Source() {
                    @Override
                    public Payload read(byte[] reuse) {
                        return spill.read(connection, reuse);
                    }

                    @Override
                    public void close() {
                        connection.close();
                    }
                },
                maxBufferedBytes,
                threadName);
    }

    PacketPrefetcher(Source source, int maxBufferedBytes, String threadName) {
        this.source = source;
        this.maxBufferedBytes = maxBufferedBytes;
        this.budget = new Semaphore(maxBufferedBytes);
        this.thread = new Thread(this::readLoop, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Reads until the end, a failure or {@link #close()}. Any failure, an {@link Error} such as an
     * {@link OutOfMemoryError} too, is queued for the consumer: a reading thread never ends unseen.
     */
    private void readLoop() {
        try {
            while (!closed) {
                byte[] buffer = pool.poll();
                if (buffer == null) {
                    buffer = new byte[BUFFER_SIZE];
                }
                Payload payload = source.read(buffer);
                if (payload == null) {
                    queue.add(END);
                    return;
                }
                ByteReader bytes = payload.bytes();
                boolean inBuffer = bytes.array() == buffer;
                if (!inBuffer) {
                    pool.add(buffer);
                }
                int permits = Math.min(inBuffer ? buffer.length : bytes.remaining(), maxBufferedBytes);
                if (payload.isSpilled()) {
                    spillSlots.acquire();
                }
                acquireBudget(permits);
                queue.add(new Packet(payload, permits, inBuffer ? buffer : null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(new BinlogException("binlog reading thread interrupted", e));
        } catch (RuntimeException e) {
            fail(e);
        } catch (Error e) {
            fail(new BinlogException("binlog reading thread failed: " + e, e));
        }
    }

    /**
     * Takes {@code permits} of the budget. When they are not there, waits until half the budget is free (or the
     * permits, if more), not just the permits: a consumer that frees one packet's bytes at a time would otherwise wake
     * this thread for every packet, and the two threads would pass each packet with a park and an unpark each (what
     * the read-ahead thread's CPU went to). Only this thread takes from the budget, so what it waited for stays.
     */
    private void acquireBudget(int permits) throws InterruptedException {
        if (budget.tryAcquire(permits)) {
            return;
        }
        int want = Math.max(permits, maxBufferedBytes / 2);
        producerWants = want;
        try {
            while (budget.availablePermits() < want) {
                LockSupport.park(this);
                if (Thread.interrupted() || closed) {
                    throw new InterruptedException();
                }
            }
        } finally {
            producerWants = 0;
        }
        budget.acquire(permits);
    }

    private void fail(RuntimeException e) {
        queue.add(new Failure(e));
    }

    /**
     * The next payload, waiting for it; {@code null} at the end of the stream or once {@link #close()} was called.
     * The bytes of the payload returned before are no longer valid.
     *
     * @throws RuntimeException what the reading thread failed with, after all payloads read before it
     */
    Payload next() {
        if (lastPooled != null) {
            pool.add(lastPooled);
            lastPooled = null;
        }
        if (ended) {
            return null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BinlogException("interrupted while waiting for the next binlog event", e);
        }
        if (item instanceof Packet p) {
            budget.release(p.permits());
            int wants = producerWants;
            if (wants > 0 && budget.availablePermits() >= wants) {
                LockSupport.unpark(thread); // it waits for half the budget: see acquireBudget
            }
            if (p.payload().isSpilled()) {
                spillSlots.release();
            }
            lastPooled = p.pooled();
            return p.payload();
        }
        ended = true;
        if (item instanceof Failure f && !closed) {
            throw f.error();
        }
        return null;
    }

    /** Stops reading: closes the connection, which ends a read blocked on the socket. */
    @Override
    public void close() {
        closed = true;
        queue.add(END); // a consumer waiting in next() wakes up whatever the reading thread does
        try {
            source.close();
        } finally {
            thread.interrupt();
        }
    }
}
