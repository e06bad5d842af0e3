package osbox.kernel.syscalls.sysinfo;

import osbox.api.kernel.SyscallContext;

/**
 * The ids every process has: one user, root (0), for real, effective and
 * saved ids alike (osbox has no users yet; qemu-riscv64 would pass the
 * host's ids through instead).
 */
final class RootIds {
    static final int ID = 0;

    private RootIds() {
    }

    /**
     * getresuid/getresgid: stores the real, effective and saved id (32-bit
     * each) at the three pointers of arguments 0..2, in that order, as
     * Linux's put_user calls; false at the first that cannot be written.
     */
    static boolean storeThree(SyscallContext c) {
        for (int i = 0; i < 3; i++) {
            if (!c.memory().writeInt(c.arg(i), ID)) {
                return false;
            }
        }
        return true;
    }
}
