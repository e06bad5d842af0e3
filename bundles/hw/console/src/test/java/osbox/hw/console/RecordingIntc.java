package osbox.hw.console;

import java.util.ArrayList;
import java.util.List;
import osbox.api.hw.InterruptController;
import osbox.api.hw.TrapCause;

/** An interrupt controller fake that hands out sources from 1 and records raises and hart-0 enables. */
final class RecordingIntc implements InterruptController {
    final List<String> names = new ArrayList<>();
    final List<Integer> raised = new ArrayList<>();
    final boolean[] enabledOnHart0 = new boolean[8];

    @Override public int sourceCount() { return 8; }
    @Override public int allocateSource(String deviceName) { names.add(deviceName); return names.size(); }
    @Override public synchronized void raise(int source) { raised.add(source); }
    @Override public void setEnabled(int hart, int source, boolean enabled) {
        if (hart == 0) {
            enabledOnHart0[source] = enabled;
        }
    }

    synchronized int raiseCount() {
        return raised.size();
    }

    @Override public void setPriority(int source, int priority) { throw new UnsupportedOperationException(); }
    @Override public void setThreshold(int hart, int threshold) { throw new UnsupportedOperationException(); }
    @Override public int claim(int hart) { throw new UnsupportedOperationException(); }
    @Override public void complete(int hart, int source) { throw new UnsupportedOperationException(); }
    @Override public void setTimerPending(int hart, boolean pending) { throw new UnsupportedOperationException(); }
    @Override public int pendingFor(int hart) { return TrapCause.NONE; }
    @Override public long[] raiseCounts() { throw new UnsupportedOperationException(); }
    @Override public String sourceName(int source) { return names.get(source - 1); }
}
