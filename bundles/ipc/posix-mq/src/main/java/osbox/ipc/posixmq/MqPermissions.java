package osbox.ipc.posixmq;

import osbox.api.kernel.ProcessView;

/** Whether a process may open a queue for reading or writing: its mode against the caller's credentials. */
final class MqPermissions {
    private MqPermissions() {
    }

    /**
     * As Linux's generic_permission: root (euid 0, which has
     * CAP_DAC_OVERRIDE) may; otherwise the owner bits when the caller's
     * euid owns the queue, the group bits when its egid is the queue's,
     * else the others' bits must allow reading (O_RDONLY), writing
     * (O_WRONLY) or both (O_RDWR).
     */
    static boolean permits(ProcessView caller, MessageQueue q, int accmode) {
        if (caller.euid() == 0) {
            return true;
        }
        int need = accmode == 0 ? 4 : accmode == 1 ? 2 : 6;
        int bits = caller.euid() == q.uid ? q.mode >> 6 : caller.egid() == q.gid ? q.mode >> 3 : q.mode;
        return (bits & need) == need;
    }
}
