package osbox.launcher;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * The work the bnd launcher runs on the JVM's main thread: it registers a
 * {@code Callable<Integer>} service with {@code main.thread=true}, calls it
 * once all bundles are started, stops the framework and exits the JVM with
 * the returned value. The launcher checks that {@code call()} is declared
 * to return {@code Integer}, hence this named class and not a lambda.
 */
final class MainThread implements Callable<Integer> {

    private final Callable<Integer> body;

    MainThread(Callable<Integer> body) {
        this.body = body;
    }

    /**
     * For a body that ends the interactive shell before it is used: prints
     * {@code line} on stderr, mutes stderr, runs {@code quietly} (stopping
     * the Gogo shell) and returns {@code status}. The Gogo shell (start level
     * 100) starts on a thread of its own; when the framework stops while
     * that thread is between finding its {@code gosh} command and running it,
     * Gogo prints "CommandNotFoundException: gosh" and a stack trace (about 1
     * run in 7 on a terminal): noise after the one line that says what went
     * wrong. The shell is stopped here, its thread waited for, while stderr is
     * muted and before the Gogo runtime stops (which puts the JVM's stderr
     * back); stderr stays muted for the rest of the shutdown.
     */
    static int lastWords(String line, int status, Runnable quietly) {
        System.err.println(line);
        System.err.flush();
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        quietly.run();
        return status;
    }

    /**
     * Runs the body and returns the JVM's exit status; an OutOfMemoryError
     * on the way, however wrapped, ends osbox at once ({@link HostExit}).
     */
    @Override
    public Integer call() throws Exception {
        try {
            return body.call();
        } catch (Exception | Error e) {
            if (HostExit.isOutOfMemory(e)) {
                HostExit.outOfMemory(e);
            }
            throw e;
        }
    }
}
