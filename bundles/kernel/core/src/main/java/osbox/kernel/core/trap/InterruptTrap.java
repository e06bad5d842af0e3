package osbox.kernel.core.trap;

import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.Hart;
import osbox.api.hw.InterruptController;
import osbox.api.kernel.InterruptHandler;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;

/**
 * External interrupts: claims each pending source from the interrupt
 * controller, runs the driver's handler bound to it (from the whiteboard),
 * and completes it. A source with no handler is completed all the same; a
 * handler that throws is logged and does not stop the others.
 */
public final class InterruptTrap implements TrapTable.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(InterruptTrap.class);

    private final InterruptController intc;
    private final Tracer tracer;
    private final TreeMap<Integer, InterruptHandler> handlers = new TreeMap<>();

    /** Interrupts claimed from {@code intc}, traced to {@code tracer}. */
    public InterruptTrap(InterruptController intc, Tracer tracer) {
        this.intc = intc;
        this.tracer = tracer;
    }

    /** Binds a driver's handler to its source (replacing another bound there). */
    public void add(InterruptHandler h) {
        handlers.put(h.source(), h);
    }

    /** Unbinds the handler, if it is the one bound to its source. */
    public void remove(InterruptHandler h) {
        handlers.remove(h.source(), h);
    }

    /** The external interrupt on {@code hart}: claim, run, complete, until nothing is pending. */
    @Override
    public void handle(Hart hart, int cause, long tval) {
        int source;
        while ((source = intc.claim(hart.id())) != 0) {
            tracer.record(TraceKind.INTERRUPT, hart.id(), 0, source, 0);
            InterruptHandler h = handlers.get(source);
            if (h == null) {
                LOG.debug("interrupt from source {} ({}) with no handler bound", source, intc.sourceName(source));
            } else {
                try {
                    h.interrupt(source);
                } catch (RuntimeException e) {
                    LOG.error("interrupt handler for source {} failed", source, e);
                }
            }
            intc.complete(hart.id(), source);
        }
    }
}
