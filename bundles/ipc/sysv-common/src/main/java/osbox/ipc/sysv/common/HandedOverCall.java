package osbox.ipc.sysv.common;

import osbox.api.kernel.SyscallHandler;

/**
 * A System V call handler whose state crosses a bundle update: as it
 * leaves, it tells the kernel whether a successor comes
 * ({@link IpcHandOver#successorExpected}), so callers wait for it instead
 * of answering ENOSYS.
 */
public abstract class HandedOverCall implements SyscallHandler {
    @Override
    public final boolean successorExpected() {
        return IpcHandOver.successorExpected(getClass());
    }
}
