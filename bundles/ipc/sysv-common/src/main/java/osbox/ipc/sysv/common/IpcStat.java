package osbox.ipc.sysv.common;

import java.nio.ByteBuffer;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;

/**
 * The stat commands every System V kind shares: IPC_STAT by id, and the
 * ipcs commands MSG_STAT, SEM_STAT, SHM_STAT (by index, with read
 * permission) and their _ANY variants (by index, without it). Each kind
 * says only how its struct *id64_ds goes on after the ipc64_perm.
 */
public final class IpcStat {
    /** Writes a kind's fields after the ipc64_perm (the buffer's position is just past it). */
    @FunctionalInterface
    public interface Fields<T extends IpcObject> {
        void write(T obj, ByteBuffer b);
    }

    private IpcStat() {
    }

    /**
     * Writes {@code obj}'s struct of {@code size} bytes (its ipc64_perm, then
     * {@code fields}) to user memory at {@code buf} and answers {@code ok};
     * -EINVAL when obj is null, -EACCES when the caller may not read it
     * (unless {@code any}), -EFAULT when buf is not writable.
     */
    public static <T extends IpcObject> long stat(SyscallContext c, T obj, long buf, int size, boolean any,
            long ok, Fields<T> fields) {
        if (obj == null) {
            return -Errno.EINVAL;
        }
        if (!any && !obj.perm().allows(c.process(), Ipc.READ)) {
            return -Errno.EACCES;
        }
        ByteBuffer b = Ipc.struct(size);
        obj.perm().write(b);
        fields.write(obj, b);
        return Ipc.write(c, buf, b) ? ok : -Errno.EFAULT;
    }

    /**
     * The ipcs commands (MSG_STAT and the like): the object at table index
     * {@code index}, answering its full id, as {@link #stat} otherwise.
     */
    public static <T extends IpcObject> long statIndex(SyscallContext c, IpcIds<T> ids, int index, long buf,
            int size, boolean any, Fields<T> fields) {
        T obj = ids.byIndex(index);
        return stat(c, obj, buf, size, any, obj == null ? 0 : obj.id(), fields);
    }
}
