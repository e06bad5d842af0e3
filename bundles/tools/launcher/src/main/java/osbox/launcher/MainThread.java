package osbox.launcher;

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
