package osbox.ipc.posixmq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The namespace's state handed to a successor (the snapshot contract):
 * every named queue, its attributes, its notification and every message,
 * in order and with checksums, so a successor loses nothing; a snapshot
 * that is damaged or of another version is refused whole.
 */
class MqSnapshotTest {
    static final int O_RDWR = 2, O_CREAT = 0100;
    final MqWorld before = new MqWorld();
    final MqWorld.Proc p = before.process(5, 1000, 100);

    MqSnapshotTest() {
        long attr = p.longs(MqWorld.BASE + 0x3000, 0, 8, 100, 0);
        int fd = (int) p.call(before.open, p.string(MqWorld.BASE, "jobs"), O_CREAT | O_RDWR, 0640, attr);
        p.call(before.open, p.string(MqWorld.BASE, "empty"), O_CREAT | O_RDWR, 0600, 0);
        for (int i = 0; i < 7; i++) {
            String text = "message " + i;
            p.string(MqWorld.BASE + 0x100, text);
            p.call(before.send, fd, MqWorld.BASE + 0x100, text.length(), i % 3, 0);
        }
        p.longs(MqWorld.BASE + 0x200, 99, (long) MqConstants.SIGEV_SIGNAL << 32 | 10, 0, 0, 0, 0, 0, 0);
        p.call(before.notify, p.call(before.open, p.string(MqWorld.BASE, "empty"), O_RDWR, 0, 0), MqWorld.BASE + 0x200);
    }

    @Test
    void aSuccessorGetsEveryQueueAndEveryMessageInOrder() {
        MqWorld after = new MqWorld();
        after.process(5, 1000, 100);
        after.namespace.importState(before.namespace.exportState());
        assertEquals(before.namespace.listing(), after.namespace.listing(), "names, owners, modes, counts, notified pids");
        List<Message> sent = before.namespace.lookup("jobs").messages();
        List<Message> got = after.namespace.lookup("jobs").messages();
        assertEquals(7, got.size());
        for (int i = 0; i < sent.size(); i++) {
            assertEquals(sent.get(i).priority(), got.get(i).priority());
            assertEquals(MqSnapshot.crc(sent.get(i).data()), MqSnapshot.crc(got.get(i).data()), "message " + i);
        }
        assertEquals(List.of(2, 2, 1, 1, 0, 0, 0), got.stream().map(Message::priority).toList());
        assertEquals("message 2", new String(got.get(0).data()));
        assertEquals(0640, after.namespace.lookup("jobs").mode);
        assertEquals(100, after.namespace.lookup("jobs").msgsize);
        assertEquals(new MessageQueue.Notification(5, MqConstants.SIGEV_SIGNAL, 10, 99),
                after.namespace.lookup("empty").notification());
        assertEquals(before.namespace.charged(1000), after.namespace.charged(1000), "the user's RLIMIT_MSGQUEUE");
        assertTrue(after.namespace.openFiles().isEmpty(), "no process of this world holds the descriptors");
    }

    @Test
    void descriptorsHeldAcrossTheHandOverKeepWorkingUnderTheSuccessor() {
        int fd = (int) p.call(before.open, p.string(MqWorld.BASE, "jobs"), O_RDWR | 04000, 0, 0);
        p.call(before.unlink, p.string(MqWorld.BASE, "empty"));
        byte[] state = before.namespace.exportState();
        MqWorld after = new MqWorld(before);
        after.namespace.importState(state);
        assertArrayEquals(state, after.namespace.exportState(), "a round trip changes nothing");
        assertEquals(4, after.namespace.openFiles().size(), "every description a descriptor holds was taken over");

        long got = p.call(after.receive, fd, MqWorld.BASE + 0x400, 100, 0, 0);
        assertEquals(9, got, "the old descriptor reaches the restored queue (not EBADF)");
        assertEquals("message 2", p.text(MqWorld.BASE + 0x400, 9));
        p.call(after.getsetattr, fd, 0, MqWorld.BASE + 0x500);
        assertEquals(04000, p.longAt(MqWorld.BASE + 0x500), "its O_NONBLOCK came along");
        assertEquals(6, after.namespace.lookup("jobs").count());
    }

    @Test
    void aDamagedSnapshotIsRefusedWhole() {
        byte[] good = before.namespace.exportState();
        byte[] flipped = good.clone();
        flipped[indexOf(flipped, "message 6".getBytes())] ^= 1;      // a byte of the last message
        MqWorld after = new MqWorld();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> after.namespace.importState(flipped));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertTrue(after.namespace.named().isEmpty(), "nothing restored");
        assertThrows(IllegalArgumentException.class,
                () -> after.namespace.importState(java.util.Arrays.copyOf(good, good.length - 3)));
        byte[] other = good.clone();
        other[other.length > 22 ? 22 : 0] = 9;  // the version's last byte ("osbox.ipc.posixmq" is 2 + 17 bytes)
        assertThrows(IllegalArgumentException.class, () -> after.namespace.importState(other));
        assertTrue(after.namespace.named().isEmpty());
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
