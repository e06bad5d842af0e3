package osbox.kernel.core.trap;

import osbox.api.hw.Hart;
import osbox.api.hw.TrapCause;
import osbox.api.hw.TrapVector;

/**
 * The trap table the kernel installs at boot: one handler per exception
 * cause, one for each interrupt line. Dispatch is an array index.
 */
public final class TrapTable implements TrapVector {
    /** A kernel trap handler. */
    @FunctionalInterface
    public interface Handler {
        void handle(Hart hart, int cause, long tval);
    }

    private final Handler[] exceptions = new Handler[TrapCause.EXCEPTION_COUNT];
    private final Handler unexpected;
    private Handler timer;
    private Handler external;

    /** {@code unexpected} handles every cause nothing else was installed for. */
    public TrapTable(Handler unexpected) {
        this.unexpected = unexpected;
        java.util.Arrays.fill(exceptions, unexpected);
        this.timer = unexpected;
        this.external = unexpected;
    }

    /** Installs the handler of an exception cause. */
    public void setException(int cause, Handler h) {
        if (cause < 0 || cause >= exceptions.length) {
            throw new IllegalArgumentException("not an exception cause: " + cause);
        }
        exceptions[cause] = h;
    }

    public void setTimer(Handler h) {
        timer = h;
    }

    public void setExternal(Handler h) {
        external = h;
    }

    @Override
    public void trap(Hart hart, int cause, long tval) {
        if (cause == TrapCause.TIMER_INTERRUPT) {
            timer.handle(hart, cause, tval);
        } else if (cause == TrapCause.EXTERNAL_INTERRUPT) {
            external.handle(hart, cause, tval);
        } else if (cause >= 0 && cause < exceptions.length) {
            exceptions[cause].handle(hart, cause, tval);
        } else {
            unexpected.handle(hart, cause, tval);
        }
    }
}
