package osbox.ipc.posixmq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.UserMemory;
import osbox.api.kernel.WaitQueue;
import osbox.api.sched.TaskAttributes;
import osbox.testkit.syscall.ArrayUserMemory;

/**
 * A small world for the handlers' tests: a kernel whose wait queues count
 * their sleepers, processes with credentials, memory and descriptor
 * tables, a clock, and the signals the namespace queued. The handlers run
 * as the kernel runs them; a sleep is recorded, and the test wakes the
 * queue and runs the call again, as the kernel would on the restart.
 */
final class MqWorld implements Kernel, ProcessManager {
    static final long BASE = 0x10000;
    static final long HZ = 1_000_000_000L;
    final MqNamespace namespace = new MqNamespace(this, null);
    final Map<Integer, Proc> processes;
    final List<String> signals = new ArrayList<>();
    long now;

    /** A world of its own. */
    MqWorld() {
        processes = new TreeMap<>();
    }

    /**
     * The same processes (their descriptor tables, memory and credentials)
     * served by a new namespace and new handlers: the next revision of the
     * bundle after an update.
     */
    MqWorld(MqWorld predecessor) {
        processes = predecessor.processes;
        now = predecessor.now;
    }

    final SyscallHandler open = new MqOpenCall(namespace);
    final SyscallHandler unlink = new MqUnlinkCall(namespace);
    final SyscallHandler send = new MqTimedsendCall(namespace);
    final SyscallHandler receive = new MqTimedreceiveCall(namespace);
    final SyscallHandler notify = new MqNotifyCall(namespace);
    final SyscallHandler getsetattr = new MqGetsetattrCall(namespace);

    /** A process with uid = euid and that gid, umask 022, 64 KiB of memory and at most maxFiles descriptors. */
    Proc process(int pid, int uid, int gid) {
        Proc p = new Proc(pid, uid, gid);
        processes.put(pid, p);
        return p;
    }

    /** A wait queue that counts who sleeps on it until it is woken. */
    static final class Queue implements WaitQueue {
        final String name;
        final List<Proc> sleepers = new ArrayList<>();

        Queue(String name) {
            this.name = name;
        }

        @Override
        public int wakeAll() {
            int n = sleepers.size();
            for (Proc p : sleepers) {
                p.sleepingOn = null;
                p.woken = true;
            }
            sleepers.clear();
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

    @Override
    public WaitQueue newWaitQueue(String name) {
        return new Queue(name);
    }

    @Override
    public ProcessManager processManager() {
        return this;
    }

    @Override
    public long queueSignal(int pid, int sig, int code, int senderPid, int senderUid, long value) {
        signals.add(pid + " sig=" + sig + " code=" + code + " from=" + senderPid + " uid=" + senderUid + " value="
                + value);
        return 0;
    }

    @Override
    public Optional<ProcessView> process(int pid) {
        Proc p = processes.get(pid);
        return p == null ? Optional.empty() : Optional.of(p.view());
    }

    @Override
    public int spawn(String path, byte[] image, List<String> argv, List<String> envp) throws ExecFormatException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int spawn(String path, byte[] image, List<String> argv, List<String> envp, TaskAttributes attributes) {
        throw new UnsupportedOperationException();
    }

    /** Every description the processes' descriptors refer to, each once, by pid and descriptor. */
    @Override
    public List<OpenFile> openFiles() {
        List<OpenFile> out = new ArrayList<>();
        for (Proc p : processes.values()) {
            for (OpenFile f : p.files.values()) {
                if (out.stream().noneMatch(seen -> seen == f)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    @Override
    public List<ProcessView> processes() {
        return processes.values().stream().map(Proc::view).toList();
    }

    @Override
    public void addExitListener(Consumer<ProcessView> listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeExitListener(Consumer<ProcessView> listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long killGroup(int pgid, int sig) {
        throw new UnsupportedOperationException();
    }

    /** A process: credentials, memory, descriptors; it makes the calls. */
    final class Proc {
        final int pid;
        int uid;
        int gid;
        int umask = 0022;
        int maxFiles = 16;
        boolean exited;
        final ArrayUserMemory memory = new ArrayUserMemory(BASE, 65536);
        final TreeMap<Integer, OpenFile> files = new TreeMap<>();
        Queue sleepingOn;
        long sleepDeadline = -1;
        boolean woken;

        Proc(int pid, int uid, int gid) {
            this.pid = pid;
            this.uid = uid;
            this.gid = gid;
        }

        /** Runs a call as the kernel would: a0..a5 as given. */
        long call(SyscallHandler h, long... args) {
            long r = h.invoke(new Context(args));
            woken = false;
            return r;
        }

        /** Its timed sleep reached its deadline: the kernel takes it off the queue and runs the call again. */
        void timedOut() {
            sleepingOn.sleepers.remove(this);
            sleepingOn = null;
            woken = true;
        }

        /** Writes a NUL-terminated string at va. */
        long string(long va, String s) {
            byte[] b = (s + "\0").getBytes(StandardCharsets.ISO_8859_1);
            memory.write(va, b, 0, b.length);
            return va;
        }

        /** Writes 8-byte words at va. */
        long longs(long va, long... words) {
            for (int i = 0; i < words.length; i++) {
                memory.writeLong(va + 8L * i, words[i]);
            }
            return va;
        }

        long longAt(long va) {
            long[] out = new long[1];
            memory.readLong(va, out);
            return out[0];
        }

        int intAt(long va) {
            return (int) longAt(va);
        }

        String text(long va, int len) {
            byte[] b = new byte[len];
            memory.read(va, b, 0, len);
            return new String(b, StandardCharsets.ISO_8859_1);
        }

        /** Closes descriptor fd as the kernel does: the description is released after its last close. */
        void close(int fd) {
            OpenFile f = files.remove(fd);
            if (f != null && !files.containsValue(f)) {
                f.release();
            }
        }

        ProcessView view() {
            return new ProcessView() {
                @Override public int pid() { return pid; }
                @Override public int ppid() { return 1; }
                @Override public String name() { return "p" + pid; }
                @Override public List<String> argv() { return List.of(name()); }
                @Override public ProcessState state() { return exited ? ProcessState.ZOMBIE : ProcessState.RUNNING; }
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
                @Override public int uid() { return uid; }
                @Override public int euid() { return uid; }
                @Override public int egid() { return gid; }
                @Override public int umask() { return umask; }
            };
        }

        /** The call as its handler sees it. */
        final class Context implements SyscallContext {
            private final long[] args = new long[6];

            Context(long[] a) {
                System.arraycopy(a, 0, args, 0, a.length);
            }

            @Override public int number() { return 0; }
            @Override public long arg(int i) { return args[i]; }
            @Override public ProcessView process() { return view(); }
            @Override public UserMemory memory() { return memory; }
            @Override public int hart() { return 0; }
            @Override public long now() { return now; }
            @Override public long frequencyHz() { return HZ; }
            @Override public boolean woken() { return woken; }

            @Override
            public void sleepOn(WaitQueue queue) {
                sleepOnUntil(queue, -1);
            }

            @Override
            public void sleepUntil(long deadline) {
                throw new UnsupportedOperationException("the queue calls sleep on a queue");
            }

            @Override
            public void sleepOnUntil(WaitQueue queue, long deadline) {
                sleepingOn = (Queue) queue;
                sleepingOn.sleepers.add(Proc.this);
                sleepDeadline = deadline;
            }

            @Override
            public long installFile(OpenFile file, boolean closeOnExec) {
                for (int fd = 0; fd < maxFiles; fd++) {
                    if (!files.containsKey(fd)) {
                        files.put(fd, file);
                        return fd;
                    }
                }
                file.release();
                return -Errno.EMFILE;
            }

            @Override
            public OpenFile file(long fd) {
                return files.get((int) fd);
            }
        }
    }
}
