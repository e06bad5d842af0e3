package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** gettid(): the thread id, equal to the pid while processes have one thread. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.GETTID, SyscallHandler.NAME + "=gettid"})
public final class GettidCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        return c.process().pid();
    }
}
