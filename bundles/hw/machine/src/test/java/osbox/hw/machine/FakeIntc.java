package osbox.hw.machine;

import java.util.HashMap;
import java.util.Map;
import osbox.api.hw.InterruptController;
import osbox.api.hw.TrapCause;

/** Interrupt controller for tests: pendingFor answers what the test set, once. */
final class FakeIntc implements InterruptController {
    private final Map<Integer, Integer> pending = new HashMap<>();

    /** The next pendingFor(hart) returns cause (then NONE again). */
    void pendOnce(int hart, int cause) {
        pending.put(hart, cause);
    }

    @Override
    public int pendingFor(int hart) {
        Integer c = pending.remove(hart);
        return c == null ? TrapCause.NONE : c;
    }

    @Override public int sourceCount() { return 0; }
    @Override public int allocateSource(String deviceName) { return 0; }
    @Override public void raise(int source) { }
    @Override public void setPriority(int source, int priority) { }
    @Override public void setEnabled(int hart, int source, boolean enabled) { }
    @Override public void setThreshold(int hart, int threshold) { }
    @Override public int claim(int hart) { return 0; }
    @Override public void complete(int hart, int source) { }
    @Override public void setTimerPending(int hart, boolean pending) { }
    @Override public long[] raiseCounts() { return new long[0]; }
    @Override public String sourceName(int source) { return null; }
}
