package osbox.kernel.core.trap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.Hart;
import osbox.api.hw.TrapCause;

/**
 * A trap no process can be blamed for (a cause nothing handles, or a trap
 * on a hart that runs no process): logged, and the hart idles.
 */
public final class UnexpectedTrap implements TrapTable.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedTrap.class);

    /** Logs the trap and takes the context off the hart; any hart, any cause. */
    @Override
    public void handle(Hart hart, int cause, long tval) {
        LOG.error("unexpected trap {} (tval 0x{}) on hart {} with no process", TrapCause.name(cause),
                Long.toHexString(tval), hart.id());
        hart.setContext(null);
    }
}
