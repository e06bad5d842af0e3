package osbox.ipc.posixmq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;

/**
 * mq_notify (SIGEV_SIGNAL with SI_MESGQ and the sender's pid and uid,
 * SIGEV_NONE, one registration per queue, removal, firing only at an
 * empty queue with no receiver waiting, SIGEV_THREAD without netlink) and
 * mq_getsetattr (only O_NONBLOCK changes).
 */
class MqNotifyAttrTest {
    static final int O_RDWR = 2, O_CREAT = 0100, O_NONBLOCK = 04000, SIGUSR1 = 10;
    final MqWorld world = new MqWorld();
    final MqWorld.Proc owner = world.process(20, 0, 0);
    final MqWorld.Proc sender = world.process(21, 1000, 100);
    final long sevp = MqWorld.BASE + 0x400;
    final long msg = MqWorld.BASE + 0x500;
    final long attrs = MqWorld.BASE + 0x600;
    final int fd;
    final int senderFd;

    MqNotifyAttrTest() {
        owner.umask = 0;
        fd = (int) owner.call(world.open, owner.string(MqWorld.BASE, "q"), O_CREAT | O_RDWR, 0666, 0);
        senderFd = (int) sender.call(world.open, sender.string(MqWorld.BASE, "q"), 1, 0, 0);
    }

    long register(MqWorld.Proc p, int how, int signo, long value) {
        p.longs(sevp, value, (long) how << 32 | signo, 0, 0, 0, 0, 0, 0);
        return p.call(world.notify, p == sender ? senderFd : fd, sevp);
    }

    long send(MqWorld.Proc p, int descriptor) {
        p.string(msg, "m");
        return p.call(world.send, descriptor, msg, 1, 0, 0);
    }

    @Test
    void aMessageAtAnEmptyQueueSignalsTheOwnerOnce() {
        assertEquals(0, register(owner, MqConstants.SIGEV_SIGNAL, SIGUSR1, 42));
        assertEquals(-Errno.EBUSY, register(owner, MqConstants.SIGEV_SIGNAL, SIGUSR1, 43), "even for the owner");
        assertEquals(-Errno.EBUSY, register(sender, MqConstants.SIGEV_NONE, 0, 0));
        assertEquals(0, send(sender, senderFd));
        assertEquals(List.of("20 sig=10 code=-3 from=21 uid=1000 value=42"), world.signals);
        assertEquals(0, send(sender, senderFd));
        assertEquals(1, world.signals.size(), "one-shot, and the queue was not empty");
        assertEquals(0, register(owner, MqConstants.SIGEV_SIGNAL, SIGUSR1, 44));
        assertEquals(0, send(sender, senderFd));
        assertEquals(1, world.signals.size(), "the queue is not empty: nobody is told");
    }

    @Test
    void aWaitingReceiverGetsTheMessageInsteadOfTheNotification() {
        assertEquals(0, register(owner, MqConstants.SIGEV_SIGNAL, SIGUSR1, 1));
        assertEquals(osbox.api.kernel.SyscallHandler.RESTART, owner.call(world.receive, fd, msg, 8192, 0, 0));
        assertEquals(0, send(sender, senderFd));
        assertEquals(List.of(), world.signals, "the message went to the waiting receiver");
        assertEquals(-Errno.EBUSY, register(sender, MqConstants.SIGEV_NONE, 0, 0), "and the registration stays");
    }

    @Test
    void noneRegistersWithoutASignalAndNullRemovesOnlyTheCallersOwn() {
        assertEquals(0, register(owner, MqConstants.SIGEV_NONE, 0, 0));
        assertEquals(0, sender.call(world.notify, senderFd, 0), "another process's NULL removes nothing");
        assertEquals(-Errno.EBUSY, register(sender, MqConstants.SIGEV_SIGNAL, SIGUSR1, 0));
        assertEquals(0, owner.call(world.notify, fd, 0));
        assertEquals(0, register(sender, MqConstants.SIGEV_SIGNAL, SIGUSR1, 7));
        assertEquals(0, send(owner, fd));
        assertEquals(List.of("21 sig=10 code=-3 from=20 uid=0 value=7"), world.signals);
        assertEquals(0, register(owner, MqConstants.SIGEV_SIGNAL, 0, 0), "signal 0 registers and sends nothing");
        owner.call(world.receive, fd, msg, 8192, 0, 0);
        assertEquals(0, send(sender, senderFd));
        assertEquals(1, world.signals.size());
    }

    @Test
    void anExitedOwnersRegistrationIsGone() {
        assertEquals(0, register(sender, MqConstants.SIGEV_SIGNAL, SIGUSR1, 0));
        sender.exited = true;
        assertEquals(0, register(owner, MqConstants.SIGEV_SIGNAL, SIGUSR1, 0));
    }

    @Test
    void badSigeventsAndDescriptors() {
        assertEquals(-Errno.EINVAL, register(owner, 77, SIGUSR1, 0));
        assertEquals(-Errno.EINVAL, register(owner, 4, SIGUSR1, 0), "SIGEV_THREAD_ID");
        assertEquals(-Errno.EINVAL, register(owner, MqConstants.SIGEV_SIGNAL, 65, 0));
        assertEquals(-Errno.EFAULT, owner.call(world.notify, fd, 0xdead_0000L));
        owner.longs(sevp, 0, (long) MqConstants.SIGEV_SIGNAL << 32 | SIGUSR1);
        assertEquals(-Errno.EBADF, owner.call(world.notify, 9, sevp));
        assertEquals(-Errno.EBADF, owner.call(world.notify, 9, 0));
    }

    @Test
    void sigevThreadAnswersAsLinuxWithoutANetlinkSocket() {
        long cookie = MqWorld.BASE + 0x800;
        assertEquals(-Errno.EBADF, register(owner, MqConstants.SIGEV_THREAD, 9, cookie), "no such descriptor");
        assertEquals(-MqConstants.ENOTSOCK, register(owner, MqConstants.SIGEV_THREAD, fd, cookie), "not a socket");
        owner.files.put(9, new OpenFile() {
            @Override public long read(SyscallContext c, long buf, long len) { return 0; }
            @Override public long write(SyscallContext c, long buf, long len) { return 0; }
            @Override public int mode() { return MqConstants.S_IFSOCK | 0777; }
            @Override public String describe() { return "socket"; }
        });
        assertEquals(-Errno.EINVAL, register(owner, MqConstants.SIGEV_THREAD, 9, cookie), "a socket, not netlink");
        assertEquals(-Errno.EFAULT, register(owner, MqConstants.SIGEV_THREAD, 9, 0xdead_0000L), "the cookie");
    }

    @Test
    void getsetattrChangesOnlyONonblock() {
        owner.string(msg, "m");
        owner.call(world.send, fd, msg, 1, 0, 0);
        long next = owner.longs(attrs, O_NONBLOCK, 99, 99, 99);
        long old = attrs + 64;
        assertEquals(0, owner.call(world.getsetattr, fd, next, old));
        assertEquals(List.of(0L, 10L, 8192L, 1L), List.of(owner.longAt(old), owner.longAt(old + 8),
                owner.longAt(old + 16), owner.longAt(old + 24)));
        assertEquals(0, owner.call(world.getsetattr, fd, 0, old));
        assertEquals(O_NONBLOCK, owner.longAt(old), "only the flag changed");
        assertEquals(10, owner.longAt(old + 8));
        owner.call(world.receive, fd, msg, 8192, 0, 0);
        assertEquals(-Errno.EAGAIN, owner.call(world.receive, fd, msg, 8192, 0, 0));
        assertEquals(-Errno.EINVAL, owner.call(world.getsetattr, fd, owner.longs(attrs, 1, 0, 0, 0), 0));
        assertEquals(-Errno.EBADF, owner.call(world.getsetattr, 9, 0, old));
        assertEquals(-Errno.EFAULT, owner.call(world.getsetattr, fd, 0, 0xdead_0000L));
        assertEquals(-Errno.EFAULT, owner.call(world.getsetattr, fd, 0xdead_0000L, 0));
    }
}
