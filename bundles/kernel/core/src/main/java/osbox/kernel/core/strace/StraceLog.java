package osbox.kernel.core.strace;

import java.io.Flushable;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where strace lines go: a stream (osbox's stderr, a shell's console) or a
 * file, shared by every process traced into it, each line flushed as it is
 * written so that nothing is lost when the run ends. Whether processes
 * forked by a traced one are traced too (strace -f) is the log's choice.
 * Written only on the simulation thread, so the lines of a run come in the
 * same order every time. A log that cannot be written any more (disk
 * full, closed) says so once in the log and drops the rest.
 */
public final class StraceLog {
    private static final Logger LOG = LoggerFactory.getLogger(StraceLog.class);

    private final Appendable out;
    private final boolean followForks;
    private final String where;
    private boolean broken;

    /**
     * Lines to {@code out} (flushed after each when it is {@link Flushable});
     * {@code followForks}: the children of traced processes are traced too;
     * {@code where} names the destination in the one error message.
     */
    public StraceLog(Appendable out, boolean followForks, String where) {
        this.out = out;
        this.followForks = followForks;
        this.where = where;
    }

    /** Whether processes forked by a traced process are traced too. */
    public boolean followForks() {
        return followForks;
    }

    /** Writes one line, {@code [pid N] text}. */
    void line(int pid, CharSequence text) {
        if (broken) {
            return;
        }
        try {
            out.append("[pid ").append(Integer.toString(pid)).append("] ").append(text).append('\n');
            if (out instanceof Flushable f) {
                f.flush();
            }
        } catch (IOException e) {
            broken = true;
            LOG.error("strace output {} failed: {}; tracing into it stops", where, e.getMessage());
        }
    }
}
