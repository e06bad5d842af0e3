package osbox.kernel.tty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.UserMemory;
import osbox.api.kernel.WaitQueue;
import osbox.api.sched.TaskAttributes;
import osbox.testkit.hw.FakeConsole;
import osbox.testkit.syscall.ArrayUserMemory;
import osbox.testkit.syscall.CountingWaitQueue;

/**
 * A console terminal in terminal mode over fakes: a console, wait queues
 * that count wakes, processes with groups and sessions (and which signals
 * each blocks or ignores), a record of the signals sent to groups, and
 * calls made by any of those processes.
 */
final class TerminalFixture {
    static final long BASE = 0x40000;
    static final int SOURCE = 7;

    /** A process as the terminal sees it. */
    static final class Proc implements ProcessView {
        final int pid;
        int ppid;
        int pgid;
        int sid;
        ProcessState state = ProcessState.RUNNING;
        final Set<Integer> blockedOrIgnored = new TreeSet<>();

        Proc(int pid, int ppid, int pgid, int sid) {
            this.pid = pid;
            this.ppid = ppid;
            this.pgid = pgid;
            this.sid = sid;
        }

        @Override public int pid() { return pid; }
        @Override public int ppid() { return ppid; }
        @Override public int pgid() { return pgid; }
        @Override public int sid() { return sid; }
        @Override public boolean blocksOrIgnores(int sig) { return blockedOrIgnored.contains(sig); }
        @Override public String name() { return "p" + pid; }
        @Override public List<String> argv() { return List.of(name()); }
        @Override public ProcessState state() { return state; }
        @Override public long createdAt() { return 0; }
        @Override public long firstRunAt() { return 0; }
        @Override public long exitedAt() { return -1; }
        @Override public long cpuCycles() { return 0; }
        @Override public long instructions() { return 0; }
        @Override public long syscalls() { return 0; }
        @Override public long voluntarySwitches() { return 0; }
        @Override public long involuntarySwitches() { return 0; }
        @Override public int waitStatus() { return -1; }
        @Override public String killReport() { return null; }
    }

    final FakeConsole console = new FakeConsole(SOURCE);
    final TreeMap<Integer, Proc> procs = new TreeMap<>();
    /** "SIGNAL to group", in order: e.g. "2>5" is SIGINT to group 5. */
    final List<String> sent = new ArrayList<>();
    final List<Consumer<ProcessView>> exitListeners = new ArrayList<>();
    final TreeMap<String, CountingWaitQueue> queues = new TreeMap<>();
    final ArrayUserMemory memory = new ArrayUserMemory(BASE, 16384);

    private final ProcessManager manager = new ProcessManager() {
        @Override
        public int spawn(String path, byte[] image, List<String> argv, List<String> envp) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int spawn(String path, byte[] image, List<String> argv, List<String> envp, TaskAttributes a) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ProcessView> process(int pid) {
            return Optional.ofNullable(procs.get(pid));
        }

        @Override
        public List<ProcessView> processes() {
            return new ArrayList<>(procs.values());
        }

        @Override
        public void addExitListener(Consumer<ProcessView> listener) {
            exitListeners.add(listener);
        }

        @Override
        public void removeExitListener(Consumer<ProcessView> listener) {
            exitListeners.remove(listener);
        }

        @Override
        public long killGroup(int pgid, int sig) {
            sent.add(sig + ">" + pgid);
            return 0;
        }
    };

    private final Kernel kernel = new Kernel() {
        @Override
        public WaitQueue newWaitQueue(String name) {
            CountingWaitQueue q = new CountingWaitQueue(name);
            queues.put(name, q);
            return q;
        }

        @Override
        public ProcessManager processManager() {
            return manager;
        }
    };

    final ConsoleTerminal terminal = new ConsoleTerminal(console, kernel);

    /** A terminal of 24 x 80 whose first process is pid 1 (group 1, the launcher's session 0). */
    TerminalFixture() {
        terminal.becomeTerminal(24, 80);
    }

    Proc add(int pid, int ppid, int pgid, int sid) {
        Proc p = new Proc(pid, ppid, pgid, sid);
        procs.put(pid, p);
        return p;
    }

    /** The terminal as the kernel opens it for a process it starts from outside. */
    OpenFile start(Proc p) {
        return terminal.open(p);
    }

    /** Types text at the host terminal: the console receives it and interrupts. */
    void type(String text) {
        console.receive(text);
        terminal.interrupt(SOURCE);
    }

    CountingWaitQueue queue(String name) {
        return queues.get(name);
    }

    /** A call by p (fresh, not a restart). */
    Call by(Proc p) {
        return new Call(p, false);
    }

    /** A call made by a process: the fake call's memory and clock, with p as the caller. */
    final class Call implements SyscallContext {
        final Proc caller;
        final boolean restart;
        final List<WaitQueue> sleeps = new ArrayList<>();
        boolean nonBlocking;
        long deadline = -1;
        long now;

        Call(Proc caller, boolean restart) {
            this.caller = caller;
            this.restart = restart;
        }

        /** The restart of this call at cycle now (1 GHz clock). */
        Call restartAt(long now) {
            Call c = new Call(caller, true);
            c.now = now;
            return c;
        }

        Call at(long now) {
            this.now = now;
            return this;
        }

        @Override public int number() { return 0; }
        @Override public long arg(int i) { return 0; }
        @Override public ProcessView process() { return caller; }
        @Override public UserMemory memory() { return memory; }
        @Override public int hart() { return 0; }
        @Override public long now() { return now; }
        @Override public long frequencyHz() { return 1_000_000_000L; }
        @Override public void sleepOn(WaitQueue queue) { sleeps.add(queue); }
        @Override public void sleepUntil(long d) { deadline = d; }
        @Override public void sleepOnUntil(WaitQueue queue, long d) { sleeps.add(queue); deadline = d; }
        @Override public boolean woken() { return restart; }
        @Override public boolean nonBlocking() { return nonBlocking; }

        /** The call works on an O_NONBLOCK description from here on. */
        Call withNonBlocking() {
            nonBlocking = true;
            return this;
        }
    }
}
