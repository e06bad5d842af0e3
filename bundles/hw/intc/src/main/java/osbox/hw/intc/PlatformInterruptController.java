package osbox.hw.intc;

import java.util.Arrays;
import osbox.api.hw.InterruptController;
import osbox.api.hw.TrapCause;

/**
 * A PLIC-like interrupt controller for up to {@link #MAX_HARTS} harts.
 *
 * <p>Sources are numbered 1..sourceCount-1 (0 means "no source"). Each has a
 * priority (default 1; priority 0 never interrupts) and a level-pending bit
 * that {@link #raise} sets and {@link #claim} clears. Each hart has an enable
 * bit per source and a threshold: a source interrupts a hart only if it is
 * pending, enabled for that hart, and its priority is strictly greater than
 * the hart's threshold. Each hart also has a timer-pending line (the
 * machine-timer interrupt, set and cleared by the timer device).
 *
 * <p>No gateway gating is modelled: a source raised again while a claim is
 * being serviced becomes claimable at once; {@link #complete} only checks its
 * arguments and ends the claim for reports.
 *
 * <p>Plain Java, no OSGi: the component wraps it, tests and the harness build
 * it with {@code new}. Called on the simulation thread, except that
 * {@link #allocateSource} and {@link #sourceName} may be called from any
 * thread (devices allocate their source when they are activated).
 */
public final class PlatformInterruptController implements InterruptController {
    /** Harts this controller serves, fixed. */
    public static final int MAX_HARTS = 64;
    /** Largest source count accepted by the constructor. */
    public static final int MAX_SOURCES = 1024;
    /** Priority a source has until {@link #setPriority} changes it. */
    public static final int DEFAULT_PRIORITY = 1;

    private final int sourceCount;
    private final int[] priority;
    private final boolean[] pending;
    private final boolean[][] enabled;
    private final int[] threshold = new int[MAX_HARTS];
    private final boolean[] timerPending = new boolean[MAX_HARTS];
    /** The source each hart has claimed and not yet completed, 0 if none. */
    private final int[] inService = new int[MAX_HARTS];
    private final long[] raises;
    private final String[] names;
    private int pendingCount;
    private int nextSource = 1;

    /**
     * Makes a controller with {@code sourceCount} source numbers (so
     * sourceCount-1 usable sources, numbered from 1); sourceCount must be in
     * 2..{@link #MAX_SOURCES}. All sources start with priority 1, not pending,
     * disabled for every hart; all thresholds are 0; no timer line is set.
     */
    public PlatformInterruptController(int sourceCount) {
        if (sourceCount < 2 || sourceCount > MAX_SOURCES) {
            throw new IllegalArgumentException("interrupt source count must be in 2.." + MAX_SOURCES
                    + " (source 0 means none): " + sourceCount);
        }
        this.sourceCount = sourceCount;
        this.priority = new int[sourceCount];
        Arrays.fill(priority, 1, sourceCount, DEFAULT_PRIORITY);
        this.pending = new boolean[sourceCount];
        this.enabled = new boolean[MAX_HARTS][sourceCount];
        this.raises = new long[sourceCount];
        this.names = new String[sourceCount];
    }

    @Override
    public int sourceCount() {
        return sourceCount;
    }

    // Hands out the next free source number (1, 2, 3...) and records its name.
    // Throws IllegalStateException when every source is taken.
    @Override
    public synchronized int allocateSource(String deviceName) {
        if (deviceName == null || deviceName.isEmpty()) {
            throw new IllegalArgumentException("an interrupt source needs a device name");
        }
        if (nextSource >= sourceCount) {
            throw new IllegalStateException("no free interrupt source for " + deviceName + ": all "
                    + (sourceCount - 1) + " sources are allocated");
        }
        int source = nextSource++;
        names[source] = deviceName;
        return source;
    }

    // Sets the source's pending bit (level: it stays set until claimed) and counts the raise.
    @Override
    public void raise(int source) {
        checkSource(source);
        raises[source]++;
        if (!pending[source]) {
            pending[source] = true;
            pendingCount++;
        }
    }

    // Sets a source's priority; 0 means it never interrupts.
    @Override
    public void setPriority(int source, int priority) {
        checkSource(source);
        if (priority < 0) {
            throw new IllegalArgumentException("interrupt priority must be >= 0: " + priority);
        }
        this.priority[source] = priority;
    }

    @Override
    public void setEnabled(int hart, int source, boolean on) {
        checkHart(hart);
        checkSource(source);
        enabled[hart][source] = on;
    }

    // Sets the hart's threshold: only sources with a priority above it interrupt the hart.
    @Override
    public void setThreshold(int hart, int threshold) {
        checkHart(hart);
        if (threshold < 0) {
            throw new IllegalArgumentException("interrupt threshold must be >= 0: " + threshold);
        }
        this.threshold[hart] = threshold;
    }

    // Takes the best claimable source for the hart (see best()), clearing its pending bit; 0 if none.
    @Override
    public int claim(int hart) {
        checkHart(hart);
        int source = best(hart);
        if (source != 0) {
            pending[source] = false;
            pendingCount--;
            inService[hart] = source;
        }
        return source;
    }

    // Ends the hart's claim of a source. A source the hart has not claimed is ignored, as on a PLIC.
    @Override
    public void complete(int hart, int source) {
        checkHart(hart);
        checkSource(source);
        if (inService[hart] == source) {
            inService[hart] = 0;
        }
    }

    @Override
    public void setTimerPending(int hart, boolean on) {
        checkHart(hart);
        timerPending[hart] = on;
    }

    // External beats timer, as in the privileged spec; NONE when neither is there.
    @Override
    public int pendingFor(int hart) {
        checkHart(hart);
        if (best(hart) != 0) {
            return TrapCause.EXTERNAL_INTERRUPT;
        }
        return timerPending[hart] ? TrapCause.TIMER_INTERRUPT : TrapCause.NONE;
    }

    /** Whether the hart's timer line is set. */
    public boolean timerPending(int hart) {
        checkHart(hart);
        return timerPending[hart];
    }

    /** Whether the source's pending bit is set (whoever it is enabled for). */
    public boolean isPending(int source) {
        checkSource(source);
        return pending[source];
    }

    /** The source the hart claimed and has not completed yet, 0 if none. */
    public int inService(int hart) {
        checkHart(hart);
        return inService[hart];
    }

    @Override
    public long[] raiseCounts() {
        return raises.clone();
    }

    @Override
    public synchronized String sourceName(int source) {
        return source > 0 && source < sourceCount ? names[source] : null;
    }

    // The highest-priority source pending, enabled for hart and above its
    // threshold; the lowest number wins ties; 0 if there is none.
    private int best(int hart) {
        if (pendingCount == 0) {
            return 0;
        }
        boolean[] on = enabled[hart];
        int bestSource = 0;
        int bestPriority = threshold[hart];
        for (int s = 1; s < sourceCount; s++) {
            if (pending[s] && on[s] && priority[s] > bestPriority) {
                bestSource = s;
                bestPriority = priority[s];
            }
        }
        return bestSource;
    }

    private void checkSource(int source) {
        if (source < 1 || source >= sourceCount) {
            throw new IllegalArgumentException("interrupt source " + source + " outside 1.." + (sourceCount - 1));
        }
    }

    private static void checkHart(int hart) {
        if (hart < 0 || hart >= MAX_HARTS) {
            throw new IllegalArgumentException("hart " + hart + " outside 0.." + (MAX_HARTS - 1));
        }
    }
}
