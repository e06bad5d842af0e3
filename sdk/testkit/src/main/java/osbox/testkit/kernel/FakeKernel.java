package osbox.testkit.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.WaitQueue;
import osbox.api.sched.TaskAttributes;
import osbox.testkit.syscall.CountingWaitQueue;

/**
 * The kernel as a bundle of system-call handlers sees it, for their tests:
 * wait queues that count their wake-ups ({@link CountingWaitQueue}), and a
 * process manager that starts nothing but announces the exits a test makes
 * with {@link #exit}. Since 1.1.
 */
public final class FakeKernel implements Kernel {
    private final List<CountingWaitQueue> queues = new ArrayList<>();
    private final List<Consumer<ProcessView>> listeners = new ArrayList<>();
    private final ProcessManager processes = new ProcessManager() {
        @Override
        public int spawn(String path, byte[] image, List<String> argv, List<String> envp) throws ExecFormatException {
            throw new ExecFormatException("the fake kernel runs no programs");
        }

        @Override
        public int spawn(String path, byte[] image, List<String> argv, List<String> envp, TaskAttributes attributes)
                throws ExecFormatException {
            return spawn(path, image, argv, envp);
        }

        @Override public Optional<ProcessView> process(int pid) { return Optional.empty(); }
        @Override public List<ProcessView> processes() { return List.of(); }
        @Override public void addExitListener(Consumer<ProcessView> l) { listeners.add(l); }
        @Override public void removeExitListener(Consumer<ProcessView> l) { listeners.remove(l); }
        @Override public long killGroup(int pgid, int sig) { return -osbox.api.kernel.Errno.ESRCH; }
    };

    /** Every wait queue made so far, in order. */
    public List<CountingWaitQueue> queues() {
        return queues;
    }

    /** How many exit listeners are registered. */
    public int exitListeners() {
        return listeners.size();
    }

    /** Announces that p exited to the exit listeners, as the kernel does when a process becomes a zombie. */
    public void exit(ProcessView p) {
        for (Consumer<ProcessView> l : new ArrayList<>(listeners)) {
            l.accept(p);
        }
    }

    @Override
    public WaitQueue newWaitQueue(String name) {
        CountingWaitQueue q = new CountingWaitQueue(name);
        queues.add(q);
        return q;
    }

    @Override
    public ProcessManager processManager() {
        return processes;
    }
}
