package osbox.kernel.syscalls.sysinfo;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** uname(buf): the system's names (sysname Linux, machine riscv64, so programs and qemu agree). */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.UNAME, SyscallHandler.NAME + "=uname",
        SyscallHandler.STATUS + "=full"})
public final class UnameCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        byte[] b = new byte[6 * Utsname.FIELD];
        String[] f = Utsname.fields();
        for (int i = 0; i < f.length; i++) {
            byte[] s = f[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(s, 0, b, i * Utsname.FIELD, Math.min(s.length, Utsname.FIELD - 1));
        }
        return c.memory().write(c.arg(0), b, 0, b.length) ? 0 : -Errno.EFAULT;
    }
}
