package osbox.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ProcessManager;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.ProcessView;
import osbox.testkit.hw.FakeConsole;
import osbox.testkit.hw.FakeMachine;

/**
 * A process manager whose programs "run" at spawn: an image starting with
 * "EXIT n" exits with n, "KILL n" is killed by signal n, anything else is
 * refused as not an ELF file. The exit is announced from a later task on the
 * simulation thread, as a real kernel would, after the program wrote
 * "output of PID" to the console.
 */
final class FakeKernel implements ProcessManager {
    final FakeMachine machine;
    final FakeConsole console = new FakeConsole();
    final List<Consumer<ProcessView>> listeners = new ArrayList<>();
    final List<List<String>> spawned = new ArrayList<>();
    final List<List<String>> environments = new ArrayList<>();
    /** Called at each spawn (e.g. to see which policy is active then); may be null. */
    Runnable onSpawn;
    private int nextPid = 1;

    FakeKernel(FakeMachine machine) {
        this.machine = machine;
    }

    record View(int pid, String name, List<String> argv, int waitStatus, String killReport) implements ProcessView {
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

    // Checks the simulation thread, then "runs" the image and announces the exit later.
    @Override
    public int spawn(String path, byte[] image, List<String> argv, List<String> envp,
            osbox.api.sched.TaskAttributes attributes) throws osbox.api.kernel.ExecFormatException {
        return spawn(path, image, argv, envp);
    }

    @Override
    public int spawn(String path, byte[] image, List<String> argv, List<String> envp) throws ExecFormatException {
        if (!machine.onSimulationThread()) {
            throw new IllegalStateException("spawn off the simulation thread");
        }
        String text = new String(image);
        int status;
        if (text.startsWith("EXIT ")) {
            status = (Integer.parseInt(text.substring(5).trim()) & 0xff) << 8;
        } else if (text.startsWith("KILL ")) {
            status = Integer.parseInt(text.substring(5).trim());
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
            byte[] out = ("output of " + pid + "\n").getBytes();
            console.write(out, 0, out.length);
            for (Consumer<ProcessView> l : new ArrayList<>(listeners)) {
                l.accept(view);
            }
        });
        return pid;
    }

    @Override public Optional<ProcessView> process(int pid) { return Optional.empty(); }
    @Override public List<ProcessView> processes() { return List.of(); }
    @Override public void addExitListener(Consumer<ProcessView> listener) { listeners.add(listener); }
    @Override public void removeExitListener(Consumer<ProcessView> listener) { listeners.remove(listener); }
}
