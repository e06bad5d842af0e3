package osbox.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

/**
 * Ending osbox for reasons outside the simulation, at once and in every
 * mode (run and shell): the host JVM out of memory, SIGINT, SIGTERM. It
 * halts the JVM ({@link Runtime#halt}) rather than exiting through the
 * shutdown hooks: those stop the framework, whose components wait on the
 * simulation thread, which may be busy, stuck or dead (an
 * OutOfMemoryError there used to leave a JVM that ignored SIGTERM until
 * SIGKILL). Installed once per JVM by {@link HostExitComponent}.
 *
 * <p>Out of memory: an OutOfMemoryError no code handled (the default
 * uncaught-exception handler sees every thread's, the simulation thread's
 * included), or one the launcher's main thread meets, ends osbox with
 * status {@value #OUT_OF_MEMORY_STATUS} and one line naming the cause and
 * the remedy. A block reserved up front is dropped first, so that the line
 * can be built and written however full the heap is. Signals: SIGINT and
 * SIGTERM halt with 128+N (130, 143), as a shell reports a process they
 * killed.
 */
final class HostExit {
    /**
     * osbox's status when the host JVM ran out of memory: 3, the status
     * HotSpot's own -XX:+ExitOnOutOfMemoryError exits with, so both ways of
     * ending on an OutOfMemoryError agree; clear of 2 (usage), 70 (no
     * machine), 124 (a run limit) and 128+N (signals).
     */
    static final int OUT_OF_MEMORY_STATUS = 3;

    /** Room for building and writing the line when the heap is full. */
    private static volatile byte[] reserve = new byte[1 << 20];

    /** The line, prepared while memory was there, in case building it fails. */
    private static final byte[] PREPARED_LINE = outOfMemoryLine("Java heap space", Runtime.getRuntime().maxMemory())
            .getBytes(StandardCharsets.UTF_8);

    private static final FileOutputStream STDERR = new FileOutputStream(FileDescriptor.err);

    private static boolean installed;

    private HostExit() {
    }

    /**
     * Installs the uncaught-exception handler and the SIGINT and SIGTERM
     * handlers (once per JVM; later calls do nothing).
     */
    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        // resolved now: with the heap full, even resolving a class reference can fail
        isOutOfMemory(new IllegalStateException(new OutOfMemoryError()));
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> uncaught(previous, thread, failure));
        onSignal("INT", 128 + 2);
        onSignal("TERM", 128 + 15);
    }

    // The default uncaught-exception handler: out of memory ends osbox; the
    // rest goes where it went before (the previous handler, or the thread's
    // group, which prints the stack trace).
    private static void uncaught(Thread.UncaughtExceptionHandler previous, Thread thread, Throwable failure) {
        byte[] kept = reserve;
        reserve = null;
        if (isOutOfMemory(failure)) {
            outOfMemory(failure);
        }
        reserve = kept;
        if (previous != null) {
            previous.uncaughtException(thread, failure);
        } else {
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            failure.printStackTrace();
        }
    }

    /** Whether {@code failure} is, or was caused by, an OutOfMemoryError. */
    static boolean isOutOfMemory(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Ends osbox now: the out-of-memory line on stderr, then status
     * {@value #OUT_OF_MEMORY_STATUS}. Never returns. Any thread.
     */
    static void outOfMemory(Throwable failure) {
        reserve = null;
        byte[] line = PREPARED_LINE;
        try {
            Throwable oom = failure;
            while (!(oom instanceof OutOfMemoryError) && oom.getCause() != null) {
                oom = oom.getCause();
            }
            String what = oom.getMessage() == null ? "OutOfMemoryError" : oom.getMessage();
            line = outOfMemoryLine(what, Runtime.getRuntime().maxMemory()).getBytes(StandardCharsets.UTF_8);
        } catch (Throwable stillNoMemory) {
            // the prepared line says it in general terms
        }
        try {
            STDERR.write(line);
            STDERR.flush();
        } catch (Throwable cannotSay) {
            // stderr is gone: the status still tells
        }
        Runtime.getRuntime().halt(OUT_OF_MEMORY_STATUS);
    }

    /**
     * The line for an OutOfMemoryError saying {@code what} ("Java heap
     * space") in a JVM whose heap is at most {@code maxHeap} bytes: the
     * cause, the heap's size, and twice that as the remedy.
     */
    static String outOfMemoryLine(String what, long maxHeap) {
        long mib = Math.max(1, maxHeap >> 20);
        return "osbox: the host JVM ran out of memory (" + what + ", heap at most " + mib + " MiB); give it more with"
                + " OSBOX_JAVA_OPTS=-Xmx" + (2 * mib) + "m" + System.lineSeparator();
    }

    // Halts with `status` when the signal comes. sun.misc.Signal through
    // reflection: the framework exports no sun.* package to bundles, but the
    // class is public in jdk.unsupported. Left to the JVM's own handling
    // (exit through the shutdown hooks) if that fails.
    private static void onSignal(String name, int status) {
        try {
            ClassLoader loader = ClassLoader.getSystemClassLoader();
            Class<?> signal = Class.forName("sun.misc.Signal", true, loader);
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler", true, loader);
            Object handler = Proxy.newProxyInstance(loader, new Class<?>[] {handlerType}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "handle":
                        Runtime.getRuntime().halt(status);
                        return null;
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "equals":
                        return proxy == args[0];
                    default:
                        return "osbox: halt with " + status + " on SIG" + name;
                }
            });
            signal.getMethod("handle", signal, handlerType).invoke(null,
                    signal.getConstructor(String.class).newInstance(name), handler);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // the JVM's default: exit with 128+N through the shutdown hooks
        }
    }
}
