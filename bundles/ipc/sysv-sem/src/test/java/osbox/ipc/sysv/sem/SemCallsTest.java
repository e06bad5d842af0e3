package osbox.ipc.sysv.sem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.ipc.sysv.common.Ipc;
import osbox.testkit.kernel.FakeKernel;
import osbox.testkit.syscall.ArrayUserMemory;
import osbox.testkit.syscall.CountingWaitQueue;
import osbox.testkit.syscall.FakeSyscall;

/**
 * semget, semop, semtimedop and semctl as Linux answers them: atomic
 * arrays of operations, waiting to decrement and for zero, IPC_NOWAIT,
 * timeouts, SEM_UNDO at exit, removal under sleepers, the control
 * commands and the ipcs structures.
 */
class SemCallsTest {
    static final long BASE = 0x10000;
    static final long BAD = 0xffff_ffc0_0000_0000L;
    static final long OPS = BASE + 0x100;
    static final long BUF = BASE + 0x400;

    private final ArrayUserMemory memory = new ArrayUserMemory(BASE, 4096);
    private final FakeKernel kernel = new FakeKernel();
    private final SemSets sets = new SemSets(kernel, null);
    private final SemgetCall semget = new SemgetCall(sets);
    private final SemopCall semop = new SemopCall(sets);
    private final SemtimedopCall semtimedop = new SemtimedopCall(sets);
    private final SemctlCall semctl = new SemctlCall(sets);

    private FakeSyscall call(int nr, long... args) {
        return new FakeSyscall(memory).caller(100, 0).call(nr, args);
    }

    private long get(int key, int nsems, int flag) {
        return semget.invoke(call(Syscalls.SEMGET, key, nsems, flag));
    }

    // Writes the operations {num, op, flags}... at OPS and returns a semop call on them.
    private FakeSyscall ops(long id, int... triples) {
        ByteBuffer b = ByteBuffer.wrap(memory.bytes(), (int) (OPS - BASE), triples.length * 2).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        for (int t : triples) {
            b.putShort((short) t);
        }
        return call(Syscalls.SEMOP, id, OPS, triples.length / 3);
    }

    private long ctl(long id, int num, int cmd, long arg) {
        return semctl.invoke(call(Syscalls.SEMCTL, id, num, cmd, arg));
    }

    private int intAt(long va) {
        return ByteBuffer.wrap(memory.bytes(), (int) (va - BASE), 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private long longAt(long va) {
        return ByteBuffer.wrap(memory.bytes(), (int) (va - BASE), 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void semgetChecksTheCountAgainstTheLimits() {
        assertEquals(-Errno.EINVAL, get(Ipc.IPC_PRIVATE, -1, 0600));
        assertEquals(-Errno.EINVAL, get(Ipc.IPC_PRIVATE, 0, 0600), "a new set needs semaphores");
        assertEquals(-Errno.EINVAL, get(Ipc.IPC_PRIVATE, 32001, 0600), "over semmsl");
        long id = get(42, 3, Ipc.IPC_CREAT | 0600);
        assertEquals(0, id);
        assertEquals(id, get(42, 0, 0), "an existing set: nsems 0 is fine");
        assertEquals(id, get(42, 3, 0));
        assertEquals(-Errno.EINVAL, get(42, 4, 0), "more than it has");
        sets.setLimits(new SemLimits(10, 5, 4, 10));
        assertEquals(-Errno.ENOSPC, get(Ipc.IPC_PRIVATE, 3, 0600), "3 + 3 over semmns 5");
        assertEquals(1, get(Ipc.IPC_PRIVATE, 2, 0600));
        assertEquals(0, ctl(id, 0, Ipc.IPC_RMID, 0));
        assertEquals(0, get(Ipc.IPC_PRIVATE, 3, 0600) % 32768, "room again in semmns");
    }

    @Test
    void operationsAreAllOrNothing() {
        long id = get(Ipc.IPC_PRIVATE, 2, 0600);
        assertEquals(0, semop.invoke(ops(id, 0, 2, 0, 1, 1, 0)));
        assertEquals(2, ctl(id, 0, SemctlCall.GETVAL, 0));
        assertEquals(-Errno.EAGAIN, semop.invoke(ops(id, 0, -1, 0, 1, -5, Ipc.IPC_NOWAIT)));
        assertEquals(2, ctl(id, 0, SemctlCall.GETVAL, 0), "the first operation was undone");
        assertEquals(0, semop.invoke(ops(id, 0, -1, 0, 0, -1, 0)), "two on the same semaphore");
        assertEquals(0, ctl(id, 0, SemctlCall.GETVAL, 0));
        assertEquals(100, ctl(id, 0, SemctlCall.GETPID, 0));
        assertEquals(0, semop.invoke(ops(id, 0, 0, 0)), "zero: no wait");
        assertEquals(-Errno.ERANGE, semop.invoke(ops(id, 1, 32767, 0)), "over SEMVMX");
        assertEquals(-Errno.EFBIG, semop.invoke(ops(id, 2, 1, 0)));
        assertEquals(-Errno.EINVAL, semop.invoke(call(Syscalls.SEMOP, id, OPS, 0)));
        assertEquals(-Errno.E2BIG, semop.invoke(call(Syscalls.SEMOP, id, OPS, 501)));
        assertEquals(-Errno.EFAULT, semop.invoke(call(Syscalls.SEMOP, id, BAD, 1)));
        assertEquals(-Errno.EINVAL, semop.invoke(ops(id + 1, 0, 1, 0)));
        assertEquals(-Errno.EACCES, semop.invoke(ops(id, 0, 1, 0).credentials(5, 5)));
    }

    @Test
    void aDecrementWaitsUntilAnotherProcessIncrements() {
        long id = get(Ipc.IPC_PRIVATE, 1, 0600);
        FakeSyscall down = ops(id, 0, -1, 0).caller(200, 0);
        assertEquals(SyscallHandler.RESTART, semop.invoke(down));
        CountingWaitQueue ncnt = (CountingWaitQueue) down.sleeps().get(0);
        assertTrue(ncnt.name().endsWith("[0] ncnt"), ncnt.name());
        assertEquals(0, semop.invoke(ops(id, 0, 1, 0)));
        assertEquals(1, ncnt.wakeCalls());
        ops(id, 0, -1, 0);   // the sleeper's own memory holds its operations (one memory here)
        assertEquals(0, semop.invoke(down.wake()));
        assertEquals(0, ctl(id, 0, SemctlCall.GETVAL, 0));
        assertEquals(200, ctl(id, 0, SemctlCall.GETPID, 0));
    }

    @Test
    void waitingForZeroSleepsOnTheZeroQueue() {
        long id = get(Ipc.IPC_PRIVATE, 1, 0600);
        assertEquals(0, semctl.invoke(call(Syscalls.SEMCTL, id, 0, SemctlCall.SETVAL, 1)));
        FakeSyscall zero = ops(id, 0, 0, 0).caller(300, 0);
        assertEquals(SyscallHandler.RESTART, semop.invoke(zero));
        assertTrue(zero.sleeps().get(0).name().endsWith("zcnt"));
        assertEquals(-Errno.EAGAIN, semop.invoke(ops(id, 0, 0, Ipc.IPC_NOWAIT)));
        assertEquals(0, semop.invoke(ops(id, 0, -1, 0)));
        ops(id, 0, 0, 0);
        assertEquals(0, semop.invoke(zero.wake()));
    }

    @Test
    void semtimedopGivesUpWithEagainAtItsDeadline() {
        long id = get(Ipc.IPC_PRIVATE, 1, 0600);
        ops(id, 0, -1, 0);
        ByteBuffer.wrap(memory.bytes(), (int) (BUF - BASE), 16).slice().order(ByteOrder.LITTLE_ENDIAN)
                .putLong(0, 2).putLong(8, 500_000_000);
        FakeSyscall timed = call(Syscalls.SEMTIMEDOP, id, OPS, 1, BUF).clock(0, 1000, 1_000_000_000L);
        assertEquals(SyscallHandler.RESTART, semtimedop.invoke(timed));
        assertEquals(1000 + 2_500_000_000L, timed.sleepDeadline());
        timed.clock(0, 2_000_000_000L, 1_000_000_000L).wake();
        assertEquals(SyscallHandler.RESTART, semtimedop.invoke(timed), "woken early, not yet: the same deadline");
        assertEquals(1000 + 2_500_000_000L, timed.sleepDeadline());
        timed.clock(0, 1000 + 2_500_000_000L, 1_000_000_000L).wake();
        assertEquals(-Errno.EAGAIN, semtimedop.invoke(timed));
        ByteBuffer.wrap(memory.bytes(), (int) (BUF - BASE), 16).slice().order(ByteOrder.LITTLE_ENDIAN)
                .putLong(8, 1_000_000_000L);
        assertEquals(-Errno.EINVAL, semtimedop.invoke(call(Syscalls.SEMTIMEDOP, id, OPS, 1, BUF)));
        assertEquals(-Errno.EFAULT, semtimedop.invoke(call(Syscalls.SEMTIMEDOP, id, OPS, 1, BAD)));
    }

    @Test
    void semUndoIsAppliedWhenTheProcessExits() {
        long id = get(Ipc.IPC_PRIVATE, 2, 0600);
        assertEquals(0, semctl.invoke(call(Syscalls.SEMCTL, id, 0, SemctlCall.SETVAL, 5)));
        FakeSyscall holder = ops(id, 0, -2, SemtimedopCall.SEM_UNDO, 1, 3, SemtimedopCall.SEM_UNDO).caller(400, 0);
        assertEquals(0, semop.invoke(holder));
        assertEquals(3, ctl(id, 0, SemctlCall.GETVAL, 0));
        assertEquals(3, ctl(id, 1, SemctlCall.GETVAL, 0));
        assertEquals(0, semop.invoke(ops(id, 1, -3, 0)), "another process takes what the holder gave");
        kernel.exit(holder.process());
        assertEquals(5, ctl(id, 0, SemctlCall.GETVAL, 0), "the two come back");
        assertEquals(0, ctl(id, 1, SemctlCall.GETVAL, 0), "-3 clamped at 0");
        assertEquals(400, ctl(id, 0, SemctlCall.GETPID, 0));
        assertEquals(0, semop.invoke(ops(id, 0, -1, SemtimedopCall.SEM_UNDO).caller(500, 0)));
        assertEquals(0, semctl.invoke(call(Syscalls.SEMCTL, id, 0, SemctlCall.SETVAL, 1)));
        kernel.exit(ops(id).caller(500, 0).process());
        assertEquals(1, ctl(id, 0, SemctlCall.GETVAL, 0), "SETVAL cleared the adjustment");
    }

    @Test
    void removalWakesSleepersWithEidrm() {
        long id = get(Ipc.IPC_PRIVATE, 1, 0600);
        FakeSyscall down = ops(id, 0, -1, 0).caller(600, 0);
        assertEquals(SyscallHandler.RESTART, semop.invoke(down));
        assertEquals(-Errno.EPERM, semctl.invoke(call(Syscalls.SEMCTL, id, 0, Ipc.IPC_RMID, 0).credentials(9, 9)));
        assertEquals(0, ctl(id, 0, Ipc.IPC_RMID, 0));
        assertEquals(1, ((CountingWaitQueue) down.sleeps().get(0)).wakeCalls());
        assertEquals(-Errno.EIDRM, semop.invoke(down.wake()));
        assertEquals(-Errno.EINVAL, ctl(id, 0, SemctlCall.GETVAL, 0));
    }

    @Test
    void controlCommandsReadAndWriteValuesAndStructures() {
        long id = get(7, 3, Ipc.IPC_CREAT | 0640);
        ByteBuffer b = ByteBuffer.wrap(memory.bytes(), (int) (BUF - BASE), 256).slice().order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) 4).putShort(2, (short) 5).putShort(4, (short) 6);
        assertEquals(0, ctl(id, 0, SemctlCall.SETALL, BUF));
        assertEquals(5, ctl(id, 1, SemctlCall.GETVAL, 0));
        assertEquals(0, ctl(id, 0, SemctlCall.GETALL, BUF + 16));
        assertEquals(6, b.getShort(20));
        b.putShort(0, (short) 40000);
        assertEquals(-Errno.ERANGE, ctl(id, 0, SemctlCall.SETALL, BUF));
        assertEquals(-Errno.ERANGE, ctl(id, 0, SemctlCall.SETVAL, 32768));
        assertEquals(-Errno.ERANGE, ctl(id + 5, 0, SemctlCall.SETVAL, -1), "the value is checked first");
        assertEquals(-Errno.EINVAL, ctl(id, 3, SemctlCall.GETVAL, 0));
        assertEquals(-Errno.EINVAL, ctl(id, 3, SemctlCall.SETVAL, 1));
        assertEquals(0, ctl(id, 0, SemctlCall.GETNCNT, 0));
        assertEquals(0, ctl(id, 0, SemctlCall.GETZCNT, 0));
        assertEquals(-Errno.EFAULT, ctl(id, 0, SemctlCall.GETALL, BAD));
        assertEquals(-Errno.EACCES, semctl.invoke(call(Syscalls.SEMCTL, id, 0, SemctlCall.GETVAL, 0).credentials(3, 3)));
        assertEquals(0, ctl(id, 0, Ipc.IPC_STAT, BUF));
        assertEquals(7, intAt(BUF));
        assertEquals(0640, intAt(BUF + 20));
        assertEquals(3, longAt(BUF + 64), "sem_nsems");
        b.putInt(4, 1000).putInt(8, 1000).putInt(20, 0666);
        assertEquals(0, ctl(id, 0, Ipc.IPC_SET, BUF));
        assertEquals(4, semctl.invoke(call(Syscalls.SEMCTL, id, 1, SemctlCall.GETVAL, 0).credentials(3, 3) ) + 4 - 5,
                "others may read now");
        assertEquals(0, ctl(0, 0, SemctlCall.SEM_INFO, BUF), "the highest index");
        assertEquals(1, intAt(BUF + 28), "semusz: sets in use");
        assertEquals(3, intAt(BUF + 36), "semaem: semaphores in use");
        assertEquals(0, ctl(0, 0, Ipc.IPC_INFO, BUF));
        assertEquals(32000, intAt(BUF + 16), "semmsl");
        assertEquals(500, intAt(BUF + 20), "semopm");
        assertEquals(id, ctl(0, 0, SemctlCall.SEM_STAT, BUF));
        assertEquals(-Errno.EINVAL, ctl(1, 0, SemctlCall.SEM_STAT, BUF));
        assertEquals(-Errno.EINVAL, ctl(id, 0, 99, BUF));
    }

    @Test
    void setsCrossToASuccessorAndTheAdjustmentsOfProcessesThatEndedMeanwhileAreApplied() {
        long id = get(7, 2, Ipc.IPC_CREAT | 0600);
        assertEquals(0, ctl(id, 0, SemctlCall.SETVAL, 3));
        assertEquals(0, ctl(id, 1, SemctlCall.SETVAL, 5));
        assertEquals(0, semop.invoke(ops(id, 0, -1, SemtimedopCall.SEM_UNDO)));
        assertEquals(2, ctl(id, 0, SemctlCall.GETVAL, 0));
        byte[] state = sets.exportState();

        SemSets next = new SemSets(new FakeKernel(), null);
        next.importState(state);
        SemctlCall after = new SemctlCall(next);
        assertEquals(3, after.invoke(call(Syscalls.SEMCTL, id, 0, SemctlCall.GETVAL, 0)),
                "pid 100 ended while no revision listened (the fake kernel has no processes): its undo is applied");
        assertEquals(5, after.invoke(call(Syscalls.SEMCTL, id, 1, SemctlCall.GETVAL, 0)));
        assertEquals(100, after.invoke(call(Syscalls.SEMCTL, id, 0, SemctlCall.GETPID, 0)));
        assertEquals(2, next.usedSems(), "semmns counts the restored semaphores");
        assertEquals(sets.ids().byId((int) id).otime, next.ids().byId((int) id).otime);
        assertEquals(id, new SemgetCall(next).invoke(call(Syscalls.SEMGET, 7, 2, 0)), "found by its key");
    }

    @Test
    void aSnapshotWithAValueNoSemaphoreCanHoldIsRefused() {
        long id = get(7, 1, Ipc.IPC_CREAT | 0600);
        assertEquals(0, ctl(id, 0, SemctlCall.SETVAL, 3));
        byte[] state = sets.exportState();
        // the body: otime, ctime (16 bytes), count 1, the value 3
        int at = indexOf(state, new byte[] {0, 0, 0, 1, 0, 0, 0, 3});
        state[at + 4] = 0x7f;
        SemSets next = new SemSets(new FakeKernel(), null);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> next.importState(state));
        assertTrue(e.getMessage().contains("semaphore 0 is"), e.getMessage());
        assertEquals(0, next.ids().inUse());
    }

    private static int indexOf(byte[] in, byte[] what) {
        for (int i = 0; i + what.length <= in.length; i++) {
            if (java.util.Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("not in the snapshot");
    }
}
