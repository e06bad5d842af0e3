package osbox.ipc.sysv.msg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
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
 * msgget, msgsnd, msgrcv and msgctl as Linux answers them: ids and keys,
 * message types, sizes, blocking and its wake-ups, removal under sleepers,
 * permissions, the ipcs structures and the limits.
 */
class MsgCallsTest {
    static final long BASE = 0x10000;
    static final long BAD = 0xffff_ffc0_0000_0000L;
    static final long BUF = BASE + 0x100;
    static final long OUT = BASE + 0x800;

    private final ArrayUserMemory memory = new ArrayUserMemory(BASE, 8192);
    private final FakeKernel kernel = new FakeKernel();
    private final MsgQueues queues = new MsgQueues(kernel, null);
    private final MsggetCall msgget = new MsggetCall(queues);
    private final MsgsndCall msgsnd = new MsgsndCall(queues);
    private final MsgrcvCall msgrcv = new MsgrcvCall(queues);
    private final MsgctlCall msgctl = new MsgctlCall(queues);

    private FakeSyscall call(int nr, long... args) {
        return new FakeSyscall(memory).caller(100, 0).call(nr, args);
    }

    private long get(int key, int flag) {
        return msgget.invoke(call(Syscalls.MSGGET, key, flag));
    }

    // Puts {mtype, text} at BUF and sends it.
    private long send(long id, long type, String text, int flag) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.wrap(memory.bytes(), (int) (BUF - BASE), 8 + t.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(type).put(t);
        return msgsnd.invoke(call(Syscalls.MSGSND, id, BUF, t.length, flag));
    }

    private long receive(long id, long size, long type, int flag) {
        return msgrcv.invoke(call(Syscalls.MSGRCV, id, OUT, size, type, flag));
    }

    private long longAt(long va) {
        return ByteBuffer.wrap(memory.bytes(), (int) (va - BASE), 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private int intAt(long va) {
        return ByteBuffer.wrap(memory.bytes(), (int) (va - BASE), 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private String textAt(long n) {
        return new String(Arrays.copyOfRange(memory.bytes(), (int) (OUT - BASE + 8), (int) (OUT - BASE + 8 + n)),
                StandardCharsets.US_ASCII);
    }

    @Test
    void msggetMakesQueuesByKeyAndPrivatelyWithLinuxIds() {
        assertEquals(0, get(Ipc.IPC_PRIVATE, 0600));
        assertEquals(1, get(Ipc.IPC_PRIVATE, 0600), "the next free index, same sequence number");
        assertEquals(-Errno.ENOENT, get(1234, 0600), "no IPC_CREAT");
        assertEquals(2, get(1234, Ipc.IPC_CREAT | 0600));
        assertEquals(2, get(1234, 0), "found by key");
        assertEquals(2, get(1234, Ipc.IPC_CREAT | 0600));
        assertEquals(-Errno.EEXIST, get(1234, Ipc.IPC_CREAT | Ipc.IPC_EXCL | 0600));
        assertEquals(0, msgctl.invoke(call(Syscalls.MSGCTL, 0, Ipc.IPC_RMID, 0)));
        assertEquals(32768, get(Ipc.IPC_PRIVATE, 0600), "index 0 reused: the sequence number grows");
        assertEquals(-Errno.EINVAL, send(0, 1, "x", 0), "the stale id names nothing");
        queues.setLimits(new MsgLimits(8192, 16384, 3));
        assertEquals(-Errno.ENOSPC, get(Ipc.IPC_PRIVATE, 0600), "msgmni queues");
        assertEquals(2, get(1234, 0), "an existing key still answers");
    }

    @Test
    void permissionsFollowTheModeBitsOfOwnerGroupAndOthers() {
        long id = get(77, Ipc.IPC_CREAT | 0640);
        FakeSyscall other = call(Syscalls.MSGGET, 77, 0400).credentials(1000, 1000);
        assertEquals(-Errno.EACCES, msgget.invoke(other), "others have no bits");
        assertEquals(id, msgget.invoke(call(Syscalls.MSGGET, 77, 0040).credentials(1000, 0)), "group may read");
        assertEquals(-Errno.EACCES, msgget.invoke(call(Syscalls.MSGGET, 77, 0020).credentials(1000, 0)));
        assertEquals(0, send(id, 5, "hi", 0));
        ByteBuffer b = ByteBuffer.wrap(memory.bytes(), (int) (BUF - BASE), 10).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(5).put("hi".getBytes(StandardCharsets.US_ASCII));
        assertEquals(-Errno.EACCES, msgsnd.invoke(call(Syscalls.MSGSND, id, BUF, 2, 0).credentials(1000, 0)),
                "the group may not write");
        assertEquals(2, msgrcv.invoke(call(Syscalls.MSGRCV, id, OUT, 64, 0, 0).credentials(1000, 0)));
        assertEquals(-Errno.EPERM, msgctl.invoke(call(Syscalls.MSGCTL, id, Ipc.IPC_RMID, 0).credentials(1000, 0)),
                "only the owner, the creator or root removes");
        assertEquals(-Errno.EACCES, msgctl.invoke(call(Syscalls.MSGCTL, id, Ipc.IPC_STAT, BUF).credentials(1, 1)));
        assertEquals(0, msgctl.invoke(call(Syscalls.MSGCTL, id, Ipc.IPC_RMID, 0)));
    }

    @Test
    void msgrcvSelectsByTypeAndSize() {
        long id = get(Ipc.IPC_PRIVATE, 0600);
        assertEquals(0, send(id, 3, "three", 0));
        assertEquals(0, send(id, 1, "one", 0));
        assertEquals(0, send(id, 2, "two", 0));
        assertEquals(0, send(id, 1, "uno", 0));
        assertEquals(-Errno.ENOMSG, receive(id, 64, 9, Ipc.IPC_NOWAIT));
        assertEquals(3, receive(id, 64, 2, 0));
        assertEquals("two", textAt(3));
        assertEquals(2, longAt(OUT), "the type is stored before the text");
        assertEquals(5, receive(id, 64, 1, MsgrcvCall.MSG_EXCEPT), "the first not of type 1");
        assertEquals("three", textAt(5));
        assertEquals(0, send(id, 3, "tres", 0));
        assertEquals(3, receive(id, 64, -5, 0), "the lowest type at most 5, first of its type");
        assertEquals("one", textAt(3));
        assertEquals(-Errno.E2BIG, receive(id, 2, 0, 0), "too long, and it stays");
        assertEquals(2, receive(id, 2, 0, MsgrcvCall.MSG_NOERROR), "cut to the buffer");
        assertEquals("un", textAt(2));
        assertEquals(4, receive(id, 64, 0, 0));
        assertEquals("tres", textAt(4));
        assertEquals(-Errno.ENOMSG, receive(id, 64, 0, Ipc.IPC_NOWAIT));
        assertEquals(-Errno.EINVAL, receive(id, -1, 0, 0));
        assertEquals(-Errno.ENOSYS, receive(id, 64, 0, MsgrcvCall.MSG_COPY | Ipc.IPC_NOWAIT));
        assertEquals(-Errno.EINVAL, receive(id, 64, 0, MsgrcvCall.MSG_COPY));
    }

    @Test
    void msgsndChecksTypeSizeAndPointersInLinuxOrder() {
        long id = get(Ipc.IPC_PRIVATE, 0600);
        assertEquals(-Errno.EINVAL, send(id, 0, "x", 0), "mtype below 1");
        assertEquals(-Errno.EFAULT, msgsnd.invoke(call(Syscalls.MSGSND, id, BAD, 1, 0)));
        assertEquals(-Errno.EINVAL, msgsnd.invoke(call(Syscalls.MSGSND, id, BUF, 8193, 0)), "over msgmax");
        ByteBuffer.wrap(memory.bytes(), 8192 - 10, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(1);
        assertEquals(-Errno.EFAULT, msgsnd.invoke(call(Syscalls.MSGSND, id, BASE + 8192 - 10, 8, 0)), "the text");
        assertEquals(-Errno.EINVAL, send(id + 1, 1, "x", 0), "no such queue");
        assertEquals(0, send(id, 1, "", 0), "an empty message");
        assertEquals(0, receive(id, 0, 0, 0));
        assertEquals(1, send(id, 1, "x", 0) + 1);
        assertEquals(-Errno.EFAULT, msgrcv.invoke(call(Syscalls.MSGRCV, id, BAD, 8, 0, 0)));
        assertEquals(-Errno.ENOMSG, receive(id, 8, 0, Ipc.IPC_NOWAIT), "as Linux, the message is gone");
    }

    @Test
    void blockedReceiverSleepsAndRunsAgainWhenAMessageComes() {
        long id = get(Ipc.IPC_PRIVATE, 0600);
        FakeSyscall rcv = call(Syscalls.MSGRCV, id, OUT, 64, 7, 0);
        assertEquals(SyscallHandler.RESTART, msgrcv.invoke(rcv));
        CountingWaitQueue receivers = (CountingWaitQueue) rcv.sleeps().get(0);
        assertTrue(receivers.name().endsWith("receivers"));
        assertEquals(0, send(id, 6, "six", 0));
        assertEquals(1, receivers.wakeCalls());
        assertEquals(SyscallHandler.RESTART, msgrcv.invoke(rcv.wake()), "not its type: back to sleep");
        assertEquals(0, send(id, 7, "seven", 0));
        assertEquals(5, msgrcv.invoke(rcv.wake()));
        assertEquals("seven", textAt(5));
    }

    @Test
    void fullQueueBlocksSendersUntilAReceiveMakesRoom() {
        long id = get(Ipc.IPC_PRIVATE, 0600);
        queues.ids().byId((int) id).qbytes = 8;
        assertEquals(0, send(id, 1, "12345", 0));
        assertEquals(-Errno.EAGAIN, send(id, 1, "6789", Ipc.IPC_NOWAIT), "9 bytes over 8");
        byte[] t = "6789".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer.wrap(memory.bytes(), (int) (BUF - BASE), 12).order(ByteOrder.LITTLE_ENDIAN).putLong(1).put(t);
        FakeSyscall snd = call(Syscalls.MSGSND, id, BUF, 4, 0);
        assertEquals(SyscallHandler.RESTART, msgsnd.invoke(snd));
        CountingWaitQueue senders = (CountingWaitQueue) snd.sleeps().get(0);
        assertEquals(5, receive(id, 64, 0, 0));
        assertEquals(1, senders.wakeCalls());
        assertEquals(0, msgsnd.invoke(snd.wake()));
        assertEquals(4, receive(id, 64, 0, 0));
        assertEquals("6789", textAt(4));
    }

    @Test
    void removalWakesSleepersWithEidrmAndDropsTheMessages() {
        long id = get(Ipc.IPC_PRIVATE, 0600);
        FakeSyscall rcv = call(Syscalls.MSGRCV, id, OUT, 64, 0, 0);
        assertEquals(SyscallHandler.RESTART, msgrcv.invoke(rcv));
        assertEquals(0, msgctl.invoke(call(Syscalls.MSGCTL, id, Ipc.IPC_RMID, 0)));
        assertEquals(1, ((CountingWaitQueue) rcv.sleeps().get(0)).wakeCalls());
        assertEquals(-Errno.EIDRM, msgrcv.invoke(rcv.wake()));
        assertEquals(-Errno.EINVAL, msgrcv.invoke(call(Syscalls.MSGRCV, id, OUT, 64, 0, 0)), "a new call");
        assertEquals(-Errno.EINVAL, msgctl.invoke(call(Syscalls.MSGCTL, id, Ipc.IPC_RMID, 0)));
    }

    @Test
    void exitForgetsASleeper() {
        long id = get(Ipc.IPC_PRIVATE, 0600);
        FakeSyscall rcv = call(Syscalls.MSGRCV, id, OUT, 64, 0, 0);
        assertEquals(SyscallHandler.RESTART, msgrcv.invoke(rcv));
        kernel.exit(rcv.process());
        assertEquals(0, msgctl.invoke(call(Syscalls.MSGCTL, id, Ipc.IPC_RMID, 0)));
        long again = get(Ipc.IPC_PRIVATE, 0600);
        assertEquals(0, send(again, 1, "a", 0));
        assertEquals(1, msgrcv.invoke(call(Syscalls.MSGRCV, again, OUT, 64, 0, 0).wake()),
                "a new process with the same pid gets no stale EIDRM");
    }

    @Test
    void ipcStatAndSetUseStructMsqid64Ds() {
        long id = get(99, Ipc.IPC_CREAT | 0640);
        assertEquals(0, send(id, 1, "abc", 0));
        assertEquals(0, msgctl.invoke(call(Syscalls.MSGCTL, id, Ipc.IPC_STAT, BUF)));
        assertEquals(99, intAt(BUF), "key");
        assertEquals(0640, intAt(BUF + 20), "mode");
        assertEquals(3, longAt(BUF + 72), "msg_cbytes");
        assertEquals(1, longAt(BUF + 80), "msg_qnum");
        assertEquals(16384, longAt(BUF + 88), "msg_qbytes");
        assertEquals(100, intAt(BUF + 96), "msg_lspid");
        ByteBuffer b = ByteBuffer.wrap(memory.bytes(), (int) (BUF - BASE), 120).slice().order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(4, 1000).putInt(8, 1001).putInt(20, 0600).putLong(88, 100);
        assertEquals(0, msgctl.invoke(call(Syscalls.MSGCTL, id, Ipc.IPC_SET, BUF)));
        assertEquals(0, msgctl.invoke(call(Syscalls.MSGCTL, id, Ipc.IPC_STAT, OUT)));
        assertEquals(1000, intAt(OUT + 4), "uid");
        assertEquals(1001, intAt(OUT + 8), "gid");
        assertEquals(0, intAt(OUT + 12), "cuid stays");
        assertEquals(100, longAt(OUT + 88));
        b.putLong(88, 20000);
        assertEquals(-Errno.EPERM, msgctl.invoke(call(Syscalls.MSGCTL, id, Ipc.IPC_SET, BUF).credentials(1000, 0)),
                "over msgmnb needs privilege");
        b.putLong(88, 200);
        assertEquals(0, msgctl.invoke(call(Syscalls.MSGCTL, id, Ipc.IPC_SET, BUF).credentials(1000, 0)),
                "the new owner may");
        assertEquals(-Errno.EFAULT, msgctl.invoke(call(Syscalls.MSGCTL, id, Ipc.IPC_SET, BAD)));
        assertEquals(-Errno.EFAULT, msgctl.invoke(call(Syscalls.MSGCTL, id, Ipc.IPC_STAT, BAD)));
        assertEquals(-Errno.EINVAL, msgctl.invoke(call(Syscalls.MSGCTL, id, 99, BUF)), "unknown command");
        assertEquals(-Errno.EINVAL, msgctl.invoke(call(Syscalls.MSGCTL, id, Ipc.IPC_STAT | 0x100, BUF)),
                "IPC_64 is not a flag on riscv64");
    }

    @Test
    void infoAndIndexedStatAreWhatIpcsReads() {
        get(Ipc.IPC_PRIVATE, 0600);
        long second = get(5, Ipc.IPC_CREAT | 0600);
        assertEquals(0, send(second, 1, "hello", 0));
        assertEquals(0, send(second, 1, "hi", 0));
        assertEquals(1, msgctl.invoke(call(Syscalls.MSGCTL, 0, MsgctlCall.MSG_INFO, BUF)), "the highest index");
        assertEquals(2, intAt(BUF), "msgpool: queues in use");
        assertEquals(2, intAt(BUF + 4), "msgmap: messages");
        assertEquals(8192, intAt(BUF + 8), "msgmax");
        assertEquals(16384, intAt(BUF + 12), "msgmnb");
        assertEquals(32000, intAt(BUF + 16), "msgmni");
        assertEquals(7, intAt(BUF + 24), "msgtql: bytes");
        assertEquals(1, msgctl.invoke(call(Syscalls.MSGCTL, 0, Ipc.IPC_INFO, BUF)));
        assertEquals(32000 * 16384 / 1024, intAt(BUF), "msgpool: the limit");
        assertEquals(second, msgctl.invoke(call(Syscalls.MSGCTL, 1, MsgctlCall.MSG_STAT, BUF)), "index 1's id");
        assertEquals(5, intAt(BUF));
        assertEquals(-Errno.EINVAL, msgctl.invoke(call(Syscalls.MSGCTL, 2, MsgctlCall.MSG_STAT, BUF)));
        assertEquals(-Errno.EACCES, msgctl.invoke(call(Syscalls.MSGCTL, 1, MsgctlCall.MSG_STAT, BUF).credentials(7, 7)));
        assertEquals(second, msgctl.invoke(call(Syscalls.MSGCTL, 1, MsgctlCall.MSG_STAT_ANY, BUF).credentials(7, 7)));
        assertEquals(-Errno.EFAULT, msgctl.invoke(call(Syscalls.MSGCTL, 0, Ipc.IPC_INFO, BAD)));
    }

    @Test
    void limitsComeFromTheConfigurationAndAreChecked() {
        assertEquals(MsgLimits.LINUX, queues.limits());
        queues.setLimits(new MsgLimits(4, 16, 10));
        long id = get(Ipc.IPC_PRIVATE, 0600);
        assertEquals(-Errno.EINVAL, send(id, 1, "12345", 0), "over msgmax 4");
        assertEquals(16, queues.ids().byId((int) id).qbytes, "a new queue holds msgmnb");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new MsgLimits(0, 1, 1));
        assertTrue(e.getMessage().contains("msgmax 0"), e.getMessage());
        assertEquals(1, kernel.exitListeners());
        queues.deactivate(null);
        assertEquals(0, kernel.exitListeners());
    }

    @Test
    void theQueuesCrossToASuccessorWithTheirMessagesTimesAndIds() {
        long a = get(5, Ipc.IPC_CREAT | 0640);
        long b = get(Ipc.IPC_PRIVATE, 0600);
        long c = get(Ipc.IPC_PRIVATE, 0600);
        assertEquals(0, msgctl.invoke(call(Syscalls.MSGCTL, c, Ipc.IPC_RMID, 0)));
        assertEquals(0, send(a, 3, "three", 0));
        assertEquals(0, send(a, 1, "one", 0));
        assertEquals(0, send(b, 9, "nine", 0));
        FakeSyscall rcv = call(Syscalls.MSGRCV, a, OUT, 64, 8, 0);
        assertEquals(SyscallHandler.RESTART, msgrcv.invoke(rcv));
        byte[] state = queues.exportState();

        MsgQueues next = new MsgQueues(new FakeKernel(), null);
        next.importState(state);
        assertTrue(next.sleepers().all().isEmpty(), "the sleeper's process ended (the fake kernel has none)");
        MsgQueue q = next.ids().byId((int) a);
        assertEquals(List.of(3L, 1L), q.messages.stream().map(Message::type).toList());
        assertEquals(8, q.cbytes);
        assertEquals(100, q.lspid);
        assertEquals(queues.ids().byId((int) a).stime, q.stime);
        assertEquals(0640, q.perm().mode);
        assertEquals(a, new MsggetCall(next).invoke(call(Syscalls.MSGGET, 5, 0)), "found by its key, same id");
        // indexes 0..2 were used and 2 freed: the next is index 2 under sequence number 1
        assertEquals(osbox.ipc.sysv.common.IpcIds.SEQ_MULTIPLIER + 2, new MsggetCall(next).invoke(call(Syscalls.MSGGET, Ipc.IPC_PRIVATE, 0600)),
                "the sequence numbers go on: a stale id names nothing new");
        assertEquals(3, new MsgrcvCall(next).invoke(call(Syscalls.MSGRCV, a, OUT, 64, 1, 0)));
        assertEquals("one", textAt(3));
        assertEquals(4, new MsgrcvCall(next).invoke(call(Syscalls.MSGRCV, b, OUT, 64, 0, 0)));
        assertEquals("nine", textAt(4));
    }

    @Test
    void aDamagedSnapshotIsRefusedWholeAndRestoresNothing() {
        long a = get(5, Ipc.IPC_CREAT | 0640);
        assertEquals(0, send(a, 3, "three", 0));
        byte[] state = queues.exportState();
        state[state.length - 4 - 8 - 2] ^= 1;   // a byte of the last message's text (then its CRC, then no sleepers)
        MsgQueues next = new MsgQueues(new FakeKernel(), null);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> next.importState(state));
        assertTrue(e.getMessage().contains("fails its checksum"), e.getMessage());
        assertEquals(0, next.ids().inUse());
        byte[] other = queues.exportState();
        other[2] = 'X';
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> next.importState(other)).getMessage().startsWith("not a osbox.ipc.sysv.msg snapshot"));
    }
}
