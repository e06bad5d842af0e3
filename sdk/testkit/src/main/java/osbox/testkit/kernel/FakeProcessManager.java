package osbox.testkit.kernel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import osbox.api.hw.Console;
import osbox.api.hw.Machine;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.WaitStatus;
import osbox.api.sched.TaskAttributes;

/**
 * A process manager whose programs "run" at spawn, as their image says: an
 * image "EXIT n" exits with status n, "KILL n" is killed by signal n (with
 * the kill report "pc=0x100 addr=0x0"), anything else is refused as "not an
 * ELF file". Pids count from 1. A program writes "output of PID\n" to the
 * console, then its exit is announced to the listeners from a later task on
 * the machine's simulation thread, as the kernel does. Spawning off the
 * simulation thread is refused loudly. Records what was spawned.
 */
public final class FakeProcessManager implements ProcessManager {
    private final Machine machine;
    private final Console console;
    private final List<Consumer<ProcessView>> listeners = new ArrayList<>();
    private final List<List<String>> spawned = new ArrayList<>();
    private final List<List<String>> environments = new ArrayList<>();
    private Runnable onSpawn;
    private int nextPid = 1;

    /** Programs of {@code machine} writing to {@code console}. */
    public FakeProcessManager(Machine machine, Console console) {
        this.machine = machine;
        this.console = console;
    }

    /** The final view of a program run by the fake. */
    private record View(int pid, String name, List<String> argv, int waitStatus, String killReport)
            implements ProcessView {
        @Override public int ppid() { return 0; }
        @Override public ProcessState state() { return ProcessState.ZOMBIE; }
        @Override public long createdAt() { return 0; }
        @Override public long firstRunAt() { return 0; }
        @Override public long exitedAt() { return 10; }
        @Override public long cpuCycles() { return 10; }
        @Override public long instructions() { return 10; }
        @Override public long syscalls() { return 1; }
        @Override public long voluntarySwitches() { return 0; }
        @Override public long involuntarySwitches() { return 0; }
    }

    /** The argv of every program spawned, in order. */
    public List<List<String>> spawned() {
        return spawned;
    }

    /** The environment of every program spawned, in order. */
    public List<List<String>> environments() {
        return environments;
    }

    /** Exit listeners registered now (read it on the simulation thread). */
    public int listenerCount() {
        return listeners.size();
    }

    /** Runs {@code r} at each spawn (to see what is in force then); null: nothing. */
    public void setOnSpawn(Runnable r) {
        this.onSpawn = r;
    }

    @Override
    public int spawn(String path, byte[] image, List<String> argv, List<String> envp, TaskAttributes attributes)
            throws ExecFormatException {
        return spawn(path, image, argv, envp);
    }

    /** "Runs" the image (see the class comment) and announces its end from a later task. */
    @Override
    public int spawn(String path, byte[] image, List<String> argv, List<String> envp) throws ExecFormatException {
        if (!machine.onSimulationThread()) {
            throw new IllegalStateException("spawn off the simulation thread");
        }
        String text = new String(image, StandardCharsets.US_ASCII);
        int status;
        if (text.startsWith("EXIT ")) {
            status = WaitStatus.exited(Integer.parseInt(text.substring(5).trim()) & 0xff);
        } else if (text.startsWith("KILL ")) {
            status = WaitStatus.signaled(Integer.parseInt(text.substring(5).trim()), false);
        } else {
            throw new ExecFormatException("not an ELF file");
        }
        int pid = nextPid++;
        if (onSpawn != null) {
            onSpawn.run();
        }
        spawned.add(argv);
        environments.add(envp);
        View view = new View(pid, argv.get(0), argv, status, text.startsWith("KILL ") ? "pc=0x100 addr=0x0" : null);
        machine.submit(() -> {
            byte[] out = ("output of " + pid + "\n").getBytes(StandardCharsets.US_ASCII);
            console.write(out, 0, out.length);
            for (Consumer<ProcessView> l : new ArrayList<>(listeners)) {
                l.accept(view);
            }
        });
        return pid;
    }

    /** None: programs are gone once they ran. */
    @Override
    public Optional<ProcessView> process(int pid) {
        return Optional.empty();
    }

    /** None: programs are gone once they ran. */
    @Override
    public List<ProcessView> processes() {
        return List.of();
    }

    @Override
    public void addExitListener(Consumer<ProcessView> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeExitListener(Consumer<ProcessView> listener) {
        listeners.remove(listener);
    }

    /** No process is there to signal: ESRCH, as for a group that has gone. */
    @Override
    public long killGroup(int pgid, int sig) {
        return -osbox.api.kernel.Errno.ESRCH;
    }
}
