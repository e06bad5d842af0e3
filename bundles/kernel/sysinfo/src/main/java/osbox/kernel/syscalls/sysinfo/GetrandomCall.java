package osbox.kernel.syscalls.sysinfo;

import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** getrandom(buf, len, flags): bytes from a seeded generator, so runs repeat. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.GETRANDOM, SyscallHandler.NAME + "=getrandom",
        SyscallHandler.STATUS + "=partial: the bytes come from a generator seeded at boot, so runs repeat; "
                + "GRND_NONBLOCK, GRND_RANDOM and GRND_INSECURE change nothing"})
public final class GetrandomCall implements SyscallHandler {
    private static final int MAX = 33_554_431;
    private final SplittableRandom random = new SplittableRandom(0x05B0C5L);

    @Activate
    public GetrandomCall() {
    }

    @Override
    public long invoke(SyscallContext c) {
        long len = c.arg(1);
        if ((c.arg(2) & ~7L) != 0) {
            return -Errno.EINVAL;
        }
        int n = (int) Math.min(Math.max(len, 0), MAX);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return c.memory().write(c.arg(0), b, 0, n) ? n : -Errno.EFAULT;
    }
}
