package osbox.hw.timer;

import osbox.api.hw.InterruptController;
import osbox.api.hw.TrapCause;

/** An interrupt controller fake that only records each hart's timer line. */
final class TimerLines implements InterruptController {
    final boolean[] on = new boolean[64];

    @Override public void setTimerPending(int hart, boolean pending) { on[hart] = pending; }
    @Override public int pendingFor(int hart) { return on[hart] ? TrapCause.TIMER_INTERRUPT : TrapCause.NONE; }

    @Override public int sourceCount() { return 1; }
    @Override public int allocateSource(String deviceName) { throw new UnsupportedOperationException(); }
    @Override public void raise(int source) { throw new UnsupportedOperationException(); }
    @Override public void setPriority(int source, int priority) { throw new UnsupportedOperationException(); }
    @Override public void setEnabled(int hart, int source, boolean enabled) { throw new UnsupportedOperationException(); }
    @Override public void setThreshold(int hart, int threshold) { throw new UnsupportedOperationException(); }
    @Override public int claim(int hart) { return 0; }
    @Override public void complete(int hart, int source) { throw new UnsupportedOperationException(); }
    @Override public long[] raiseCounts() { return new long[1]; }
    @Override public String sourceName(int source) { return null; }
}
