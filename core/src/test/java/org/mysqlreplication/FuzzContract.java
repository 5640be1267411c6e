package org.mysqlreplication;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The bar every fuzz target holds the library to, on any input: only our own {@link BinlogException}s come out
 * (and none of them caused by an unchecked exception or an error of another kind, which would be a bug behind a
 * wrapper: an index out of bounds, a null pointer, a cast, an arithmetic or date-time exception, an
 * {@link OutOfMemoryError} or a {@link StackOverflowError}); and the bytes the decoding thread allocates stay within
 * {@code fixed + perInputByte * input length}, so that no length or count the input declares makes the library
 * allocate for what is not there. A hang is the fuzzer's to catch (each target has a JUnit {@code @Timeout}, which
 * Jazzer turns into its {@code -timeout}).
 *
 * <p>A breach is an {@link AssertionError}, which Jazzer reports as a finding and keeps the input of.
 *
 * <p>The allocation is measured with {@link com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()} on
 * the thread that runs the target. An input over the bound is run a second time before it counts, so that the
 * one-time loading of classes and tables (collations, charsets) is not charged to it.
 */
public final class FuzzContract {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * Unchecked exceptions that other libraries document as their answer to corrupt input, which our code catches
     * on purpose and wraps: aircompressor's for corrupt zstd data.
     */
    private static final Set<String> DOCUMENTED_CAUSES = Set.of("io.airlift.compress.MalformedInputException");

    /**
     * Packages of other libraries whose own failure on corrupt input, of whatever type, is their bug and not ours,
     * as long as ours wraps it: aircompressor's zstd decoder throws index errors for some corrupt frames.
     */
    private static final String FOREIGN_DECODERS = "io.airlift.compress.";

    private final String target;
    private final long fixed;
    private final long perInputByte;

    /**
     * @param target       what the target decodes, for messages
     * @param fixed        bytes any input may allocate
     * @param perInputByte bytes more for each byte of the input
     */
    public FuzzContract(String target, long fixed, long perInputByte) {
        this.target = target;
        this.fixed = fixed;
        this.perInputByte = perInputByte;
    }

    /** The most an input of {@code inputLength} bytes may allocate. */
    public long bound(int inputLength) {
        return fixed + perInputByte * inputLength;
    }

    /** Runs {@code action} over an input of {@code inputLength} bytes and holds it to the bar. */
    public void check(int inputLength, Runnable action) {
        check(inputLength, () -> "", action);
    }

    /** As {@link #check(int, Runnable)}; a breach of the bound says what the input was by {@code input}. */
    public void check(int inputLength, Supplier<String> input, Runnable action) {
        long allocated = run(action);
        if (allocated > bound(inputLength)) {
            allocated = run(action);
            if (allocated > bound(inputLength)) {
                String what = input.get().isEmpty() ? "" : " " + input.get();
                throw new AssertionError(target + ": allocated " + allocated + " bytes for an input of " + inputLength
                        + " bytes" + what + ", above the bound of " + bound(inputLength) + " (" + fixed + " + "
                        + perInputByte + " per input byte)");
            }
        }
    }

    /** Holds {@code action} to the bar of exceptions only, for an input whose allocation has no bound yet. */
    public void checkExceptionsOnly(Runnable action) {
        run(action);
    }

    /** Runs the action, checks what it threw, and returns the bytes it allocated. */
    private long run(Runnable action) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            action.run();
        } catch (BinlogException e) {
            requireTypedCauses(e);
        } catch (Throwable t) {
            throw new AssertionError(target + ": " + t.getClass().getName() + " escaped, not a BinlogException", t);
        }
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    /**
     * A {@link BinlogException} may carry a checked cause (an {@code IOException} of a spill file, a
     * {@code DataFormatException} of zlib, a {@code GeneralSecurityException} of a key), another of ours, one of the
     * {@link #DOCUMENTED_CAUSES}, or an exception thrown inside one of the {@link #FOREIGN_DECODERS}; an unchecked
     * exception or error of another kind anywhere in its causes is a bug that a wrapper only hid.
     */
    private void requireTypedCauses(BinlogException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof BinlogException
                    || DOCUMENTED_CAUSES.contains(t.getClass().getName())
                    || thrownBy(t, FOREIGN_DECODERS)) {
                continue;
            }
            if (t instanceof RuntimeException || t instanceof Error) {
                throw new AssertionError(
                        target + ": a BinlogException caused by " + t.getClass().getName() + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean thrownBy(Throwable t, String packagePrefix) {
        StackTraceElement[] stack = t.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith(packagePrefix);
    }
}
