package osbox.ipc.sysv.common;

import java.nio.ByteBuffer;
import osbox.api.kernel.ProcessView;

/**
 * An object's struct kern_ipc_perm: its key, owner and creator, mode and
 * sequence number, the checks Linux's ipcperms and ipcctl_obtain_check make
 * against a caller, and struct ipc64_perm's layout (48 bytes on riscv64).
 * Root (effective uid 0: osbox has no capabilities) passes every check.
 */
public final class IpcPerm {
    /** sizeof(struct ipc64_perm). */
    public static final int SIZE = 48;

    public final int key;
    public int uid;
    public int gid;
    public final int cuid;
    public final int cgid;
    public int mode;
    public final int seq;

    /** A new object's: owner and creator the caller, mode the low nine bits of the get call's flag. */
    public IpcPerm(int key, ProcessView creator, int flag, int seq) {
        this(key, creator.euid(), creator.egid(), creator.euid(), creator.egid(), flag & Ipc.MODE_BITS, seq);
    }

    /** Every field given (a snapshot being restored). */
    public IpcPerm(int key, int uid, int gid, int cuid, int cgid, int mode, int seq) {
        this.key = key;
        this.uid = uid;
        this.gid = gid;
        this.cuid = cuid;
        this.cgid = cgid;
        this.mode = mode;
        this.seq = seq;
    }

    /**
     * Linux's ipcperms: whether caller may have the access flag asks (its
     * low nine bits, as S_IRUGO or a get call's mode) by the owner's, the
     * group's or the others' bits of this mode.
     */
    public boolean allows(ProcessView caller, int flag) {
        if (caller.euid() == 0) {
            return true;
        }
        int requested = (flag >> 6 | flag >> 3 | flag) & 7;
        int granted = mode;
        if (caller.euid() == cuid || caller.euid() == uid) {
            granted >>= 6;
        } else if (caller.inGroup(cgid) || caller.inGroup(gid)) {
            granted >>= 3;
        }
        return (requested & ~granted & 7) == 0;
    }

    /** Whether caller may IPC_SET or IPC_RMID: it owns or created the object, or is root (else EPERM). */
    public boolean ownedBy(ProcessView caller) {
        return caller.euid() == 0 || caller.euid() == uid || caller.euid() == cuid;
    }

    /** IPC_SET: the new owner and the permission bits of mode (the others stay). */
    public void set(int newUid, int newGid, int newMode) {
        uid = newUid;
        gid = newGid;
        mode = (mode & ~Ipc.MODE_BITS) | (newMode & Ipc.MODE_BITS);
    }

    /** Writes struct ipc64_perm at b's position and moves past it. */
    public void write(ByteBuffer b) {
        int at = b.position();
        b.putInt(at, key).putInt(at + 4, uid).putInt(at + 8, gid).putInt(at + 12, cuid).putInt(at + 16, cgid)
                .putInt(at + 20, mode).putShort(at + 24, (short) seq);
        b.position(at + SIZE);
    }

    /**
     * IPC_SET's part of a user struct ipc64_perm at b's position: uid, gid
     * and mode, as {uid, gid, mode}.
     */
    public static int[] readSettable(ByteBuffer b) {
        int at = b.position();
        return new int[] {b.getInt(at + 4), b.getInt(at + 8), b.getInt(at + 20)};
    }
}
