package osbox.kernel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import osbox.api.hw.HartContext;
import osbox.api.hw.TrapCause;
import osbox.api.kernel.ExecFormat;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ExecImage;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Syscalls;
import osbox.api.memory.AddressSpace;
import osbox.hw.memory.FrameStore;
import osbox.kernel.core.proc.Process;
import osbox.testkit.hw.FakeHart;
import osbox.testkit.hw.FakeInterruptController;
import osbox.testkit.hw.FakeMachine;
import osbox.testkit.hw.FakeTimer;
import osbox.vm.manager.core.VmManager;

/**
 * A whole kernel on a bench: fake harts (four by default, so a parent and
 * its children can each sit on one), real physical memory and the real VM
 * manager, and a toy executable format, so processes are spawned, forked
 * and exec'd by the kernel's own code, and system calls go the true way:
 * registers, the trap vector, the trap table, the system-call trap, the
 * handler, a0. No instruction runs: the test plays the harts.
 */
public final class KernelBench {
    /** The toy format's magic: a file starting with these bytes is a program. */
    public static final byte[] MAGIC = "PROG".getBytes(StandardCharsets.US_ASCII);
    /** Where the toy format loads a program (its entry point). */
    public static final long TEXT = 0x10000;
    /** A toy program: the magic and some bytes of text. */
    public static final byte[] PROGRAM = Arrays.copyOf(MAGIC, 64);

    public final FakeMachine machine;
    public final FakeTimer timer;
    public final VmManager vm;
    public final KernelCore kernel;

    /** Four harts, 16 MiB, nothing mounted at /host. */
    public KernelBench() {
        this(4, 16L << 20, null);
    }

    /** {@code harts} harts over {@code memoryBytes} of memory, {@code hostDir} (or nothing) at /host. */
    public KernelBench(int harts, long memoryBytes, Path hostDir) {
        machine = new FakeMachine(harts, new FrameStore(memoryBytes));
        timer = new FakeTimer(harts);
        vm = new VmManager(machine, VmManager.Settings.defaults());
        KernelCore.Settings d = KernelCore.Settings.defaults();
        kernel = new KernelCore(machine, timer, new FakeInterruptController(), vm,
                new KernelCore.Settings(d.quantumCycles(), d.seed(), d.maxProcesses(), hostDir, d.watchdogCycles()));
        kernel.addFormat(new ToyFormat());
        kernel.boot();
    }

    /** A program the toy format accepts: the magic, then {@code text}. */
    public static byte[] program(String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        byte[] b = Arrays.copyOf(MAGIC, MAGIC.length + t.length);
        System.arraycopy(t, 0, b, MAGIC.length, t.length);
        return b;
    }

    /** Spawns a process running the toy program with argv {@code name args...}, and lets it reach a hart. */
    public Process spawn(String name, String... args) throws ExecFormatException {
        List<String> argv = new java.util.ArrayList<>(List.of(name));
        argv.addAll(List.of(args));
        int pid = kernel.spawn("/bin/" + name, PROGRAM, argv, List.of("HOME=/"));
        settle();
        Process p = kernel.table().get(pid);
        assertNotNull(p);
        return p;
    }

    /** Fires what is due now (an admission's dispatch, a wake-up). */
    public void settle() {
        machine.advanceTo(machine.now());
    }

    /** The process with this pid, or null. */
    public Process process(long pid) {
        return kernel.table().get((int) pid);
    }

    /** The hart p runs on (it must be running). */
    public FakeHart hartOf(Process p) {
        int h = p.sched().hart();
        assertTrue(h >= 0, p + " is not on a hart (" + p.state() + ")");
        return machine.hart(h);
    }

    /** What an ecall came to: a0 written and pc past the ecall, or not (slept, ended, exec'd). */
    public record Answer(boolean returned, long a0) {
    }

    /** p, running on its hart, executes ecall with a7 = number and a0.. = args. */
    public Answer ecall(Process p, int number, long... args) {
        FakeHart hart = hartOf(p);
        HartContext ctx = p.context();
        ctx.x[HartContext.A7] = number;
        for (int i = 0; i < args.length; i++) {
            ctx.x[HartContext.A0 + i] = args[i];
        }
        long pc = ctx.pc;
        machine.trapVector().trap(hart, TrapCause.ECALL_FROM_U, 0);
        return new Answer(ctx.pc == pc + 4, ctx.x[HartContext.A0]);
    }

    /** An ecall that must return: its a0. */
    public long call(Process p, int number, long... args) {
        Answer a = ecall(p, number, args);
        assertTrue(a.returned(), "syscall " + number + " of " + p + " did not return (" + p.state() + ")");
        return a.a0();
    }

    /** An ecall that must put the caller to sleep. */
    public void sleeps(Process p, int number, long... args) {
        Answer a = ecall(p, number, args);
        assertTrue(!a.returned() && p.state() == ProcessState.BLOCKED, p + " should sleep, is " + p.state());
    }

    /** Maps {@code pages} fresh read-write pages in p (mmap) and returns their address. */
    public long map(Process p, int pages) {
        long at = call(p, Syscalls.MMAP, 0, pages * AddressSpace.PAGE, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE,
                0x22, -1, 0);
        assertTrue(at > 0, "mmap answered " + at);
        return at;
    }

    /** Writes a string (and its NUL) into p's memory at va. */
    public void putString(Process p, long va, String s) {
        byte[] b = Arrays.copyOf(s.getBytes(StandardCharsets.UTF_8), s.length() + 1);
        assertTrue(p.userMemory().write(va, b, 0, b.length));
    }

    /** Reads {@code n} bytes of p's memory at va. */
    public byte[] bytes(Process p, long va, int n) {
        byte[] b = new byte[n];
        assertTrue(p.userMemory().read(va, b, 0, n));
        return b;
    }

    /** Reads a 32-bit value of p's memory at va. */
    public int intAt(Process p, long va) {
        byte[] b = bytes(p, va, 4);
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    /** p ends with exit code {@code code} (exit_group). */
    public void exit(Process p, int code) {
        assertEquals(false, ecall(p, Syscalls.EXIT_GROUP, code).returned());
        assertEquals(ProcessState.ZOMBIE, p.state());
    }

    /** A toy executable format: a file starting with {@link #MAGIC} is one read-execute segment at {@link #TEXT}. */
    static final class ToyFormat implements ExecFormat {
        @Override
        public boolean recognizes(byte[] file) {
            return file.length >= MAGIC.length && Arrays.equals(MAGIC, 0, MAGIC.length, file, 0, MAGIC.length);
        }

        @Override
        public ExecImage parse(byte[] file) throws ExecFormatException {
            if (file.length < 8) {
                throw new ExecFormatException("toy program too short");
            }
            return new ExecImage(TEXT, List.of(new ExecImage.LoadSegment(TEXT, 0, file.length, file.length, true,
                    false, true)), 0, 56, 1, file);
        }
    }
}
