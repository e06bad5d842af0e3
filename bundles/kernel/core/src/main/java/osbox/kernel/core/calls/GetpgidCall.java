package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelCall;

/** getpgid(pid): the process group of pid (0: the caller); ESRCH when there is no such process. riscv64 has no getpgrp: libc calls getpgid(0). */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.GETPGID, SyscallHandler.NAME + "=getpgid"})
public final class GetpgidCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        KernelCall k = KernelCall.of(c);
        int pid = (int) c.arg(0);
        Process p = pid == 0 ? k.pcb() : pid > 0 ? k.kernel().table().get(pid) : null;
        return p == null ? -Errno.ESRCH : p.pgid();
    }
}
