package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;

import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.util.tracker.ServiceTracker;
import osbox.api.kernel.SyscallHandler;

/**
 * The POSIX message-queue bundle is updated while a queue holds messages:
 * the stopping revision exports the queues (the snapshot contract) and the
 * next one imports them, so a program started after the update receives
 * every message, intact (each carries a checksum of its payload), highest
 * priority first and in sending order within a priority.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PosixMqSwapIT extends ProgramTestSupport {
    static final String MQ_BUNDLE = "osbox.ipc.posixmq";
    static final int MQ_OPEN = 180;
    /** What qemu-riscv64 printed for "mqswap fill 10" and then "mqswap drain". */
    static final String FILLED = "filled 10 messages, checksum 89752697\n";
    static final String DRAINED = "drained 10 messages (then EAGAIN), 0 damaged, 0 out of order, checksum 89752697\n";
    static final int MAX_ATTEMPTS = 20;

    @Test
    public void queuedMessagesSurviveAnUpdateOfTheBundle() throws Exception {
        ProgramRunner.Run fill = runner.run(ProgramRunner.example("glibc-mq/mqswap"), "fill", "10");
        assertEquals(fill.describe(), 0, fill.shellStatus());
        assertEquals(FILLED, fill.stdout());

        Bundle mq = installedBundle(MQ_BUNDLE);
        assertEquals(Bundle.ACTIVE, mq.getState());
        mq.update();
        assertEquals(Bundle.ACTIVE, mq.getState());
        awaitMqOpen();

        ProgramRunner.Run drain = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            drain = runner.run(ProgramRunner.example("glibc-mq/mqswap"), "drain");
            if (!drain.stdout().isEmpty()) {
                break;      // mq_open answered (until the kernel binds the new handlers it is ENOSYS, on stderr)
            }
        }
        assertNotNull(drain);
        if (drain.stdout().isEmpty()) {
            fail("mq_open still missing after " + MAX_ATTEMPTS + " runs: " + drain.describe());
        }
        assertEquals(drain.describe(), DRAINED, drain.stdout());
        assertEquals(drain.describe(), 0, drain.shellStatus());
    }

    // Waits for the new revision's mq_open handler service.
    private void awaitMqOpen() throws Exception {
        ServiceTracker<SyscallHandler, SyscallHandler> tracker = new ServiceTracker<>(context,
                context.createFilter("(&(" + Constants.OBJECTCLASS + "=" + SyscallHandler.class.getName() + ")("
                        + SyscallHandler.NUMBER + "=" + MQ_OPEN + "))"), null);
        tracker.open();
        try {
            assertNotNull("mq_open's service is back", tracker.waitForService(TimeUnit.SECONDS.toMillis(60)));
        } finally {
            tracker.close();
        }
    }
}
