package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import osbox.api.ipc.IpcObjectInfo;
import osbox.api.ipc.IpcTable;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.api.kernel.WaitStatus;

/**
 * System V message queues and semaphores keep their state while their
 * bundles are updated and restarted (a transient stop and a start) under
 * load: senders and a receiver exchange messages, each with its sender,
 * sequence number and a checksum of its payload, through a queue that
 * fills (blocked senders) and empties (a blocked receiver); workers take
 * a semaphore mutex with SEM_UNDO and count in a second semaphore (blocked
 * takers). At the end every message arrived exactly once, intact and in
 * order, the counter holds every worker's rounds, the mutex is free, and
 * no program saw an error (examples/programs/glibc-ipc/ipcload.c). The
 * same for POSIX message queues, whose descriptors stay open throughout.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IpcHandOverIT extends ProgramTestSupport {
    static final String MSG_BUNDLE = "osbox.ipc.sysv.msg";
    static final String SEM_BUNDLE = "osbox.ipc.sysv.sem";
    static final String MQ_BUNDLE = "osbox.ipc.posixmq";
    static final String SHM_BUNDLE = "osbox.ipc.sysv.shm";
    static final int MSG_KEY = 4101, SEM_KEY = 4102, STOP_KEY = 4103, MQ_STOP_KEY = 4104;
    static final String MQ_NAME = "/osbox-handover";
    /** mq_timedsend, mq_timedreceive (Linux riscv64). */
    static final int MQ_TIMEDSEND = 182, MQ_TIMEDRECEIVE = 183;
    static final int SENDERS = 3, WORKERS = 3;
    /** Rounds of swaps: each updates both bundles, then restarts both. */
    static final int ROUNDS = 3;

    @Test
    public void messagesAndSemaphoresSurviveUpdatesAndRestartsUnderLoad() throws Exception {
        ProgramRunner.Run init = runner.run(ipcload(), "seminit", "" + SEM_KEY);
        assertEquals(init.describe(), 0, init.shellStatus());
        List<ProgramRunner.Started> load = new ArrayList<>();
        load.add(runner.start(ipcload(), "msgrecv", "" + MSG_KEY, "" + SENDERS));
        for (int i = 0; i < SENDERS; i++) {
            load.add(runner.start(ipcload(), "msgsend", "" + MSG_KEY, "" + i, "" + STOP_KEY));
        }
        for (int i = 0; i < WORKERS; i++) {
            load.add(runner.start(ipcload(), "semwork", "" + SEM_KEY, "" + i, "" + STOP_KEY));
        }

        Bundle msg = installedBundle(MSG_BUNDLE);
        Bundle sem = installedBundle(SEM_BUNDLE);
        for (int round = 0; round < ROUNDS; round++) {
            swap(msg, Syscalls.MSGRCV, Bundle::update);
            swap(sem, Syscalls.SEMTIMEDOP, Bundle::update);
            swap(msg, Syscalls.MSGSND, b -> {
                b.stop(Bundle.STOP_TRANSIENT);
                b.start(Bundle.START_TRANSIENT);
            });
            swap(sem, Syscalls.SEMOP, b -> {
                b.stop(Bundle.STOP_TRANSIENT);
                b.start(Bundle.START_TRANSIENT);
            });
            for (ProgramRunner.Started s : load) {
                assertStillRunning(s);
            }
        }

        ProgramRunner.Run stop = runner.run(ipcload(), "stop", "" + STOP_KEY);
        assertEquals(stop.describe(), 0, stop.shellStatus());
        for (ProgramRunner.Started s : load) {
            ProgramRunner.Run r = runner.await(s);
            assertEquals(r.describe() + "\nall output:\n" + runner.allOutput(), 0, r.shellStatus());
        }
        ProgramRunner.Run check = runner.run(ipcload(), "semcheck", "" + SEM_KEY);
        assertEquals(check.describe(), 0, check.shellStatus());
        String out = runner.allOutput();

        assertEveryMessageArrivedOnce(out);
        long rounds = 0;
        for (int i = 0; i < WORKERS; i++) {
            rounds += Long.parseLong(find(out, "worker " + i + ": (\\d+) rounds\n").group(1));
        }
        assertTrue(out, rounds >= 16 * WORKERS);
        assertTrue("the counter holds every round, the mutex is free:\n" + out,
                out.contains("set " + SEM_KEY + ": mutex 1, counter " + rounds + "\n"));
    }

    /**
     * POSIX message queues: senders and a receiver hold their queue
     * descriptors open while the bundle is updated and restarted; the
     * descriptors keep working under each new revision (no EBADF), and
     * every message arrives once, intact and in order.
     */
    @Test
    public void posixQueueDescriptorsHeldOpenSurviveUpdatesAndRestartsUnderLoad() throws Exception {
        List<ProgramRunner.Started> load = new ArrayList<>();
        load.add(runner.start(ipcload(), "mqrecv", MQ_NAME, "" + SENDERS));
        for (int i = 0; i < SENDERS; i++) {
            load.add(runner.start(ipcload(), "mqsend", MQ_NAME, "" + i, "" + MQ_STOP_KEY));
        }
        Bundle mq = installedBundle(MQ_BUNDLE);
        for (int round = 0; round < ROUNDS; round++) {
            swap(mq, MQ_TIMEDRECEIVE, Bundle::update);
            swap(mq, MQ_TIMEDSEND, b -> {
                b.stop(Bundle.STOP_TRANSIENT);
                b.start(Bundle.START_TRANSIENT);
            });
            for (ProgramRunner.Started s : load) {
                assertStillRunning(s);
            }
        }
        ProgramRunner.Run stop = runner.run(ipcload(), "stop", "" + MQ_STOP_KEY);
        assertEquals(stop.describe(), 0, stop.shellStatus());
        for (ProgramRunner.Started s : load) {
            ProgramRunner.Run r = runner.await(s);
            assertEquals(r.describe() + "\nall output:\n" + runner.allOutput(), 0, r.shellStatus());
        }
        assertEveryMessageArrivedOnce(runner.allOutput());
    }

    // Each sender's count and checksum are what the receiver counted from it, and the receiver found no fault.
    /**
     * System V shared memory: a segment a program left behind, and one the
     * shmring client and server attach while the bundle is updated and
     * restarted, keep their ids, sizes and attachments (the pages never
     * leave the VM manager; the table crosses by snapshot and the objects
     * by handle), and the client and server finish with every answer right.
     */
    @Test
    public void sharedMemorySegmentsSurviveUpdatesAndRestarts() throws Exception {
        ProgramRunner.Run keep = runner.run(ProgramRunner.example("glibc-ipc/shmcalls"), "keep");
        assertEquals(keep.describe(), 0, keep.shellStatus());
        List<IpcObjectInfo> before = segments();
        assertEquals(before.toString(), 1, before.size());
        Bundle shm = installedBundle(SHM_BUNDLE);
        ProgramRunner.Started ring = runner.start(ProgramRunner.example("glibc-ipc/shmring"), "sem");
        for (int round = 0; round < ROUNDS; round++) {
            swap(shm, Syscalls.SHMGET, Bundle::update);
            swap(shm, Syscalls.SHMAT, b -> {
                b.stop(Bundle.STOP_TRANSIENT);
                b.start(Bundle.START_TRANSIENT);
            });
        }
        ProgramRunner.Run r = runner.await(ring);
        assertEquals(r.describe(), 0, r.shellStatus());
        assertTrue(r.describe(), r.stdout().contains("64 requests answered, sum of squares 89440 (expected 89440)"));
        assertEquals("the kept segment, as it was", before, segments());
        ProgramRunner.Run again = runner.run(ProgramRunner.example("glibc-ipc/shmcalls"), "keep");
        assertTrue(again.describe(), again.stdout().contains("shmcalls keep: File exists"));
    }

    // The segments ipc:list shows now (the shm bundle's IpcTable).
    private List<IpcObjectInfo> segments() throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences(IpcTable.class.getName(), null);
        assertNotNull("IPC tables are registered", refs);
        List<IpcObjectInfo> all = new ArrayList<>();
        for (ServiceReference<?> ref : refs) {
            IpcTable t = (IpcTable) context.getService(ref);
            try {
                if (t.kind().equals("shm")) {
                    all.addAll(machine.call(t::objects));
                }
            } finally {
                context.ungetService(ref);
            }
        }
        return all;
    }

    private static void assertEveryMessageArrivedOnce(String out) {
        for (int i = 0; i < SENDERS; i++) {
            Matcher sent = find(out, "sender " + i + ": sent (\\d+) messages, checksum ([0-9a-f]{8})\n");
            assertTrue(out, Long.parseLong(sent.group(1)) >= 16);
            assertTrue("every message of sender " + i + " arrived once, intact:\n" + out, out.contains(
                    "from sender " + i + ": " + sent.group(1) + " messages, checksum " + sent.group(2) + "\n"));
        }
        assertTrue(out, out.contains("received: 0 damaged, 0 out of order, 0 senders with missing messages, "
                + "0 foreign\n"));
    }

    /** An action on a bundle that may throw what Bundle's methods throw. */
    private interface BundleAction {
        void run(Bundle b) throws Exception;
    }

    // Runs the action on the bundle and waits for its new revision's handler of call number.
    private void swap(Bundle b, int number, BundleAction action) throws Exception {
        long before = handlerServiceId(number);
        action.run(b);
        assertEquals(Bundle.ACTIVE, b.getState());
        ServiceTracker<SyscallHandler, SyscallHandler> tracker = new ServiceTracker<>(context,
                context.createFilter("(&(" + Constants.OBJECTCLASS + "=" + SyscallHandler.class.getName() + ")("
                        + SyscallHandler.NUMBER + "=" + number + "))"), null);
        tracker.open();
        try {
            assertNotNull("the call is served again", tracker.waitForService(TimeUnit.SECONDS.toMillis(60)));
            ServiceReference<SyscallHandler> ref = tracker.getServiceReference();
            assertTrue("a new handler", (Long) ref.getProperty(Constants.SERVICE_ID) > before);
        } finally {
            tracker.close();
        }
    }

    // The service.id of the handler registered for number now.
    private long handlerServiceId(int number) throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences(SyscallHandler.class.getName(),
                "(" + SyscallHandler.NUMBER + "=" + number + ")");
        assertNotNull("a handler of " + number + " is registered", refs);
        return (Long) refs[0].getProperty(Constants.SERVICE_ID);
    }

    /** A load program has not exited: the swaps happen while it runs (it runs until told to stop). */
    private void assertStillRunning(ProgramRunner.Started s) throws Exception {
        ProcessView v = machine.call(() -> processes.process(s.pid).orElse(null));
        assertNotNull("pid " + s.pid + " " + s.argv + " is gone:\n" + runner.allOutput(), v);
        assertFalse("pid " + s.pid + " " + s.argv + " ended early: " + WaitStatus.describe(v.waitStatus()) + "\n"
                + runner.allOutput(), v.state() == ProcessState.ZOMBIE);
    }

    private static Matcher find(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertTrue("no line " + regex + " in:\n" + out, m.find());
        return m;
    }

    private static java.nio.file.Path ipcload() {
        return ProgramRunner.example("glibc-ipc/ipcload");
    }
}
