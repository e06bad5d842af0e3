package osbox.kernel.core.files;

import java.util.ArrayList;
import java.util.List;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.UserMemory;
import osbox.api.kernel.WaitQueue;

/**
 * A caller of a pipe's ends, for tests: user memory is one buffer of bytes
 * at {@link #BASE} (anything else is a bad address), and sleeping is
 * recorded, not done.
 */
final class PipeCaller implements SyscallContext {
    static final long BASE = 0x20000;
    final byte[] user;
    final List<WaitQueue> sleeps = new ArrayList<>();

    PipeCaller(int size) {
        user = new byte[size];
    }

    private final UserMemory memory = new UserMemory() {
        @Override
        public boolean read(long va, byte[] dst, int off, int len) {
            if (!inside(va, len)) {
                return false;
            }
            System.arraycopy(user, (int) (va - BASE), dst, off, len);
            return true;
        }

        @Override
        public boolean write(long va, byte[] src, int off, int len) {
            if (!inside(va, len)) {
                return false;
            }
            System.arraycopy(src, off, user, (int) (va - BASE), len);
            return true;
        }
    };

    private boolean inside(long va, long len) {
        return va >= BASE && len >= 0 && va - BASE + len <= user.length;
    }

    @Override public UserMemory memory() { return memory; }
    @Override public void sleepOn(WaitQueue queue) { sleeps.add(queue); }
    @Override public int number() { return 0; }
    @Override public long arg(int i) { return 0; }
    @Override public ProcessView process() { return null; }
    @Override public int hart() { return 0; }
    @Override public long now() { return 0; }
    @Override public long frequencyHz() { return 1_000_000_000L; }
    @Override public void sleepUntil(long deadline) { throw new UnsupportedOperationException(); }
    @Override public boolean woken() { return false; }
}
