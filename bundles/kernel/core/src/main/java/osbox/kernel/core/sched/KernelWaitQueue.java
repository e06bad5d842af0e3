package osbox.kernel.core.sched;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.WaitQueue;
import osbox.kernel.core.proc.Process;

/** Sleepers in FIFO order; waking makes them READY through the dispatcher. */
public final class KernelWaitQueue implements WaitQueue {
    private final String name;
    private final Dispatcher dispatcher;
    private final ArrayDeque<Process> sleepers = new ArrayDeque<>();

    public KernelWaitQueue(String name, Dispatcher dispatcher) {
        this.name = name;
        this.dispatcher = dispatcher;
    }

    void add(Process p) {
        sleepers.add(p);
    }

    void remove(Process p) {
        sleepers.remove(p);
    }

    @Override
    public int wakeAll() {
        List<Process> woken = new ArrayList<>(sleepers);
        sleepers.clear();
        int n = 0;
        for (Process p : woken) {
            if (p.state() == ProcessState.BLOCKED && p.sleepingOn == this) {
                dispatcher.wake(p);
                n++;
            }
        }
        return n;
    }

    @Override
    public int size() {
        return sleepers.size();
    }

    @Override
    public String name() {
        return name;
    }
}
