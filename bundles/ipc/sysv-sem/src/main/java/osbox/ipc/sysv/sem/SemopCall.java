package osbox.ipc.sysv.sem;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.ipc.sysv.common.HandedOverCall;
import osbox.api.kernel.Syscalls;

/** semop(semid, sops, nsops): semtimedop without a timeout ({@link SemtimedopCall}). */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.SEMOP, SyscallHandler.NAME + "=semop",
        SyscallHandler.STATUS + "=full"})
public final class SemopCall extends HandedOverCall implements SyscallHandler {
    private final SemSets sets;

    @Activate
    public SemopCall(@Reference(name = "sets") SemSets sets) {
        this.sets = sets;
    }

    @Override
    public long invoke(SyscallContext c) {
        return SemtimedopCall.operate(sets, c, 0);
    }
}
