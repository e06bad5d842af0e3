package osbox.testkit.hw;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import osbox.api.hw.InterruptController;
import osbox.api.hw.TrapCause;

/**
 * An interrupt controller that records what devices and the kernel tell
 * it: sources handed out from 1 (named), raises, enables, priorities and
 * thresholds, and each hart's timer line. {@link #pendingFor} answers a
 * cause the test set once ({@link #pendOnce}), else a timer interrupt while
 * the hart's timer line is up, else none; {@link #claim} answers 0 (nothing
 * to claim: device interrupts are not routed). Thread-safe (devices raise
 * from their own threads).
 */
public final class FakeInterruptController implements InterruptController {
    private final int sourceCount;
    private final List<String> names = new ArrayList<>();
    private final List<Integer> raised = new ArrayList<>();
    private final TreeSet<String> enabled = new TreeSet<>();
    private final TreeMap<Integer, Integer> priorities = new TreeMap<>();
    private final TreeMap<Integer, Integer> thresholds = new TreeMap<>();
    private final TreeSet<Integer> timerLines = new TreeSet<>();
    private final TreeMap<Integer, Integer> pendingOnce = new TreeMap<>();
    private final List<String> completions = new ArrayList<>();

    /** 64 sources. */
    public FakeInterruptController() {
        this(64);
    }

    /** {@code sourceCount} sources (source 0 is never handed out). */
    public FakeInterruptController(int sourceCount) {
        this.sourceCount = sourceCount;
    }

    /** The next {@link #pendingFor}({@code hart}) answers {@code cause}, once. */
    public synchronized void pendOnce(int hart, int cause) {
        pendingOnce.put(hart, cause);
    }

    /** The device names sources were handed out to: source 1's first. */
    public synchronized List<String> sources() {
        return List.copyOf(names);
    }

    /** Every source raised, in order. */
    public synchronized List<Integer> raised() {
        return List.copyOf(raised);
    }

    /** Whether {@code source} is enabled for {@code hart}. */
    public synchronized boolean enabled(int hart, int source) {
        return enabled.contains(hart + ":" + source);
    }

    /** Whether {@code hart}'s timer line is up. */
    public synchronized boolean timerPending(int hart) {
        return timerLines.contains(hart);
    }

    /** A source's priority (0 unless set). */
    public synchronized int priority(int source) {
        return priorities.getOrDefault(source, 0);
    }

    /** A hart's threshold (0 unless set). */
    public synchronized int threshold(int hart) {
        return thresholds.getOrDefault(hart, 0);
    }

    /** Every completion, as "hart:source", in order. */
    public synchronized List<String> completions() {
        return List.copyOf(completions);
    }

    @Override
    public int sourceCount() {
        return sourceCount;
    }

    @Override
    public synchronized int allocateSource(String deviceName) {
        if (names.size() + 1 >= sourceCount) {
            throw new IllegalStateException("no interrupt source left for " + deviceName);
        }
        names.add(deviceName);
        return names.size();
    }

    @Override
    public synchronized void raise(int source) {
        raised.add(source);
    }

    @Override
    public synchronized void setPriority(int source, int priority) {
        priorities.put(source, priority);
    }

    @Override
    public synchronized void setEnabled(int hart, int source, boolean on) {
        if (on) {
            enabled.add(hart + ":" + source);
        } else {
            enabled.remove(hart + ":" + source);
        }
    }

    @Override
    public synchronized void setThreshold(int hart, int threshold) {
        thresholds.put(hart, threshold);
    }

    @Override
    public int claim(int hart) {
        return 0;
    }

    @Override
    public synchronized void complete(int hart, int source) {
        completions.add(hart + ":" + source);
    }

    @Override
    public synchronized void setTimerPending(int hart, boolean pending) {
        if (pending) {
            timerLines.add(hart);
        } else {
            timerLines.remove(hart);
        }
    }

    @Override
    public synchronized int pendingFor(int hart) {
        Integer once = pendingOnce.remove(hart);
        if (once != null) {
            return once;
        }
        return timerLines.contains(hart) ? TrapCause.TIMER_INTERRUPT : TrapCause.NONE;
    }

    /** How many times each source was raised, indexed by source. */
    @Override
    public synchronized long[] raiseCounts() {
        long[] counts = new long[sourceCount];
        for (int s : raised) {
            if (s >= 0 && s < sourceCount) {
                counts[s]++;
            }
        }
        return counts;
    }

    /** The device name a source was handed out to, or null. */
    @Override
    public synchronized String sourceName(int source) {
        return source >= 1 && source <= names.size() ? names.get(source - 1) : null;
    }
}
