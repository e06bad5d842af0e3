package osbox.ipc.posixmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;

/**
 * mq_open and mq_unlink as Linux answers them: creation with the mode
 * less the umask and the attributes within the limits, the flags, the
 * caller's credentials against the mode, the name rules, the limits
 * (queues_max, RLIMIT_MSGQUEUE, the descriptor table), and a queue that
 * outlives its name while it is open.
 */
class MqOpenUnlinkTest {
    static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0100, O_EXCL = 0200;
    final MqWorld world = new MqWorld();
    final MqWorld.Proc root = world.process(1, 0, 0);
    final MqWorld.Proc alice = world.process(2, 1000, 100);
    final MqWorld.Proc bob = world.process(3, 1001, 100);
    final long name = MqWorld.BASE;
    final long attr = MqWorld.BASE + 0x1000;

    long open(MqWorld.Proc p, String queue, int oflag, int mode, long attrVa) {
        return p.call(world.open, p.string(name, queue), oflag, mode, attrVa);
    }

    @Test
    void createsWithModeLessUmaskAndDefaultsThenOpensExisting() {
        assertEquals(0, open(alice, "q", O_CREAT | O_RDWR, 0666, 0));
        MessageQueue q = world.namespace.lookup("q");
        assertEquals(0644, q.mode, "the umask 022 clears the write bits of group and others");
        assertEquals(1000, q.uid);
        assertEquals(100, q.gid);
        assertEquals(10, q.maxmsg, "msg_default");
        assertEquals(8192, q.msgsize, "msgsize_default");
        assertEquals(OpenFile.S_IFREG | 0644, alice.files.get(0).mode());
        assertEquals(1, open(alice, "q", O_RDONLY, 0, 0), "the lowest free descriptor");
        assertEquals(-Errno.EEXIST, open(alice, "q", O_CREAT | O_EXCL | O_RDWR, 0600, 0));
        assertEquals(2, open(alice, "q", O_CREAT | O_RDWR, 0600, alice.longs(attr, 0, 1, 1, 0)),
                "O_CREAT of an existing queue opens it and ignores the attributes");
        assertEquals(10, world.namespace.lookup("q").maxmsg);
        assertEquals(-Errno.ENOENT, open(alice, "none", O_RDWR, 0, 0));
        assertEquals(-Errno.EINVAL, open(alice, "q", 3, 0, 0), "access mode 3 on an existing queue");
    }

    @Test
    void attributesAreCheckedAgainstTheLimitsOnlyWhenCreating() {
        assertEquals(-Errno.EINVAL, open(alice, "a", O_CREAT | O_RDWR, 0600, alice.longs(attr, 0, 0, 16, 0)));
        assertEquals(-Errno.EINVAL, open(alice, "a", O_CREAT | O_RDWR, 0600, alice.longs(attr, 0, 4, -1, 0)));
        assertEquals(-Errno.EINVAL, open(alice, "a", O_CREAT | O_RDWR, 0600, alice.longs(attr, 0, 11, 16, 0)),
                "above msg_max");
        assertEquals(-Errno.EINVAL, open(alice, "a", O_CREAT | O_RDWR, 0600, alice.longs(attr, 0, 4, 8193, 0)),
                "above msgsize_max");
        assertNull(world.namespace.lookup("a"));
        assertEquals(0, open(root, "a", O_CREAT | O_RDWR, 0600, root.longs(attr, 0, 50, 8193, 0)),
                "root is held only to the hard limits");
        assertEquals(50, world.namespace.lookup("a").maxmsg);
        assertEquals(-Errno.EINVAL, open(root, "b", O_CREAT | O_RDWR, 0600, root.longs(attr, 0, 65537, 1, 0)));
        assertEquals(0, open(alice, "c", O_CREAT | O_RDWR, 0600, alice.longs(attr, 0, 3, 100, 0)));
        assertEquals(3, world.namespace.lookup("c").maxmsg);
        assertEquals(100, world.namespace.lookup("c").msgsize);
        assertEquals(-Errno.EFAULT, open(alice, "d", O_CREAT | O_RDWR, 0600, 0xdead_0000L));
    }

    @Test
    void theModeIsCheckedAgainstTheCallersCredentials() {
        assertEquals(0, open(alice, "q", O_CREAT | O_RDONLY, 0640, 0));
        assertEquals(0, open(bob, "q", O_RDONLY, 0, 0), "bob is in the group, which may read");
        assertEquals(-Errno.EACCES, open(bob, "q", O_WRONLY, 0, 0));
        assertEquals(-Errno.EACCES, open(bob, "q", O_RDWR, 0, 0));
        MqWorld.Proc carol = world.process(4, 1002, 200);
        assertEquals(-Errno.EACCES, open(carol, "q", O_RDONLY, 0, 0), "others may do nothing");
        assertEquals(0, open(root, "q", O_RDWR, 0, 0), "root may do anything");
        assertEquals(1, open(alice, "q", O_WRONLY, 0, 0));
        assertEquals(0, open(carol, "z", O_CREAT | O_RDWR, 0, 0), "the creator's descriptor ignores the mode");
    }

    @Test
    void namesFollowTheKernelsRulesAfterGlibcDropsTheSlash() {
        assertEquals(-Errno.EACCES, open(alice, "", O_CREAT | O_RDWR, 0600, 0));
        assertEquals(-Errno.EACCES, open(alice, "a/b", O_CREAT | O_RDWR, 0600, 0));
        assertEquals(-Errno.EACCES, open(alice, "..", O_CREAT | O_RDWR, 0600, 0));
        assertEquals(-Errno.ENAMETOOLONG, open(alice, "n".repeat(256), O_CREAT | O_RDWR, 0600, 0));
        assertEquals(0, open(alice, "n".repeat(255), O_CREAT | O_RDWR, 0600, 0));
        assertEquals(-Errno.ENAMETOOLONG, open(alice, "n".repeat(5000), O_CREAT | O_RDWR, 0600, 0));
        assertEquals(-Errno.EFAULT, alice.call(world.open, 0xdead_0000L, O_CREAT | O_RDWR, 0600, 0));
    }

    @Test
    void limitsGiveEnospcAndEmfile() {
        world.namespace.setLimits(new MqLimits(2, 10, 8192, 10, 8192, 819_200));
        assertEquals(0, open(alice, "a", O_CREAT | O_RDWR, 0600, 0));
        assertEquals(1, open(alice, "b", O_CREAT | O_RDWR, 0600, 0));
        assertEquals(-Errno.ENOSPC, open(alice, "c", O_CREAT | O_RDWR, 0600, 0), "queues_max");
        assertEquals(0, open(root, "c", O_CREAT | O_RDWR, 0600, 0), "root passes queues_max");
        world.namespace.setLimits(MqLimits.LINUX);
        // each default queue costs 10 * 8192 + 10 * 48 + 10 * 48 = 82880 bytes of alice's 819200
        assertEquals(2 * 82_880L, world.namespace.charged(1000));
        for (int i = 0; i < 7; i++) {
            assertTrue(open(alice, "more" + i, O_CREAT | O_RDWR, 0600, 0) >= 0);
        }
        assertEquals(-Errno.EMFILE, open(alice, "tenth", O_CREAT | O_RDWR, 0600, 0), "RLIMIT_MSGQUEUE");
        assertEquals(0, open(bob, "tenth", O_CREAT | O_RDWR, 0600, 0), "bob has his own allowance");
        bob.maxFiles = 1;
        assertEquals(-Errno.EMFILE, open(bob, "full", O_CREAT | O_RDWR, 0600, 0), "no free descriptor");
        assertNull(world.namespace.lookup("full"), "nothing is left behind");
        assertEquals(82_880L, world.namespace.charged(1001));
    }

    @Test
    void anUnlinkedQueueLivesOnWhileOpen() {
        assertEquals(0, open(alice, "q", O_CREAT | O_RDWR, 0600, 0));
        MessageQueue q = world.namespace.lookup("q");
        assertEquals(-Errno.EPERM, bob.call(world.unlink, bob.string(name, "q")), "the sticky directory");
        assertEquals(0, alice.call(world.unlink, alice.string(name, "q")));
        assertNull(world.namespace.lookup("q"));
        assertEquals(-Errno.ENOENT, alice.call(world.unlink, alice.string(name, "q")));
        assertEquals(-Errno.ENOENT, open(alice, "q", O_RDWR, 0, 0));
        assertNotNull(alice.files.get(0));
        assertEquals(82_880L, world.namespace.charged(1000), "still charged while open");
        assertEquals(0, open(alice, "q", O_CREAT | O_RDWR, 0600, 0) - 1, "a new queue by the same name");
        assertTrue(world.namespace.lookup("q") != q);
        alice.close(0);
        assertEquals(82_880L, world.namespace.charged(1000), "the old queue is freed at its last close");
        assertEquals(0, root.call(world.unlink, root.string(name, "q")), "root may unlink anyone's");
        assertEquals(-Errno.EACCES, alice.call(world.unlink, alice.string(name, "")));
    }
}
