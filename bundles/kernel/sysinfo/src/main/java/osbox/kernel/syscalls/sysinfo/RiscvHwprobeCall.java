package osbox.kernel.syscalls.sysinfo;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;

/**
 * riscv_hwprobe(pairs, pair_count, cpusetsize, cpus, flags): what the harts
 * are, key by key, as Linux answers it. Every hart is the same RV64GC:
 * BASE_BEHAVIOR is IMA, IMA_EXT_0 has F and D and C (no V, no Zb*),
 * CPUPERF_0 says misaligned accesses are of unknown speed, the vendor, arch
 * and implementation ids are 0, and there is no Zicboz block. A key osbox
 * does not know gets key -1 and value 0. flags must be 0 (EINVAL); a cpu
 * set (cpusetsize bytes at cpus, both 0 for every hart) must name a hart
 * (EINVAL) and be readable (EFAULT); the pairs must be readable and
 * writable (EFAULT).
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + RiscvHwprobeCall.NUMBER,
        SyscallHandler.NAME + "=riscv_hwprobe",
        SyscallHandler.STATUS + "=partial: keys 0-6 (vendor, arch and implementation ids 0; IMA base; F, D and C; "
                + "misaligned access speed unknown; no Zicboz); RISCV_HWPROBE_WHICH_CPUS and later keys are not known"})
public final class RiscvHwprobeCall implements SyscallHandler {
    static final int NUMBER = 258;
    static final long KEY_MVENDORID = 0, KEY_MARCHID = 1, KEY_MIMPID = 2, KEY_BASE_BEHAVIOR = 3, KEY_IMA_EXT_0 = 4,
            KEY_CPUPERF_0 = 5, KEY_ZICBOZ_BLOCK_SIZE = 6;
    static final long BASE_BEHAVIOR_IMA = 1, IMA_FD = 1, IMA_C = 2, MISALIGNED_UNKNOWN = 0;
    static final int PAIR = 16;
    /** Linux's cpumask_size() for the harts osbox models (at most 64). */
    static final int CPUMASK_BYTES = 8;

    @Override
    public long invoke(SyscallContext c) {
        long pairs = c.arg(0);
        long count = c.arg(1);
        long setSize = c.arg(2);
        long cpus = c.arg(3);
        if (c.arg(4) != 0) {
            return -Errno.EINVAL;
        }
        if (setSize != 0 || cpus != 0) {
            byte[] mask = new byte[Long.compareUnsigned(setSize, CPUMASK_BYTES) > 0 ? CPUMASK_BYTES : (int) setSize];
            if (!c.memory().read(cpus, mask, 0, mask.length)) {
                return -Errno.EFAULT;
            }
            boolean any = false;
            for (byte b : mask) {
                any |= b != 0;
            }
            if (!any) {
                return -Errno.EINVAL;
            }
        }
        long[] key = new long[1];
        for (long i = 0; Long.compareUnsigned(i, count) < 0; i++) {
            long at = pairs + i * PAIR;
            if (!c.memory().readLong(at, key)) {
                return -Errno.EFAULT;
            }
            long value = value(key[0]);
            boolean known = value >= 0;
            if (!c.memory().writeLong(at, known ? key[0] : -1) || !c.memory().writeLong(at + 8, known ? value : 0)) {
                return -Errno.EFAULT;
            }
        }
        return 0;
    }

    // A key's value, or -1 for a key osbox does not know.
    private static long value(long key) {
        if (key == KEY_BASE_BEHAVIOR) {
            return BASE_BEHAVIOR_IMA;
        }
        if (key == KEY_IMA_EXT_0) {
            return IMA_FD | IMA_C;
        }
        if (key == KEY_MVENDORID || key == KEY_MARCHID || key == KEY_MIMPID || key == KEY_CPUPERF_0
                || key == KEY_ZICBOZ_BLOCK_SIZE) {
            return 0;
        }
        return -1;
    }
}
