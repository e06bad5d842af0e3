package osbox.ipc.unix;

import java.util.ArrayList;
import java.util.List;
import osbox.api.kernel.Errno;
import osbox.api.kernel.FileHandle;
import osbox.api.kernel.SyscallContext;

/**
 * Ancillary data (struct cmsghdr {size_t len; int level; int type;} then
 * the data, each aligned to 8 bytes on riscv64) as sendmsg reads it and
 * recvmsg writes it: SCM_RIGHTS carries descriptors.
 */
final class Control {
    static final int HEADER = 16, SCM_RIGHTS = 1, SCM_CREDENTIALS = 2;
    /** Descriptors one message may carry (Linux's SCM_MAX_FD). */
    static final int MAX_FDS = 253;
    static final int MSG_CTRUNC = 0x8, MSG_CMSG_CLOEXEC = 0x40000000;

    private Control() {
    }

    private static long align(long n) {
        return (n + 7) & ~7L;
    }

    /**
     * The descriptions named by the SCM_RIGHTS messages of the control
     * buffer at [control, control + len), each held (the caller closes them
     * or hands them to a message); -errno in err[0] otherwise: EINVAL for a
     * malformed header, an unknown SOL_SOCKET type or more than
     * {@link #MAX_FDS}; EBADF for a descriptor not open; EFAULT.
     */
    static List<FileHandle> rights(SyscallContext c, long control, long len, int[] err) {
        List<FileHandle> held = new ArrayList<>();
        err[0] = 0;
        long off = 0;
        long[] v = new long[1];
        int[] i = new int[1];
        while (off + HEADER <= len) {
            if (!c.memory().readLong(control + off, v)) {
                return fail(held, err, Errno.EFAULT);
            }
            long cmsgLen = v[0];
            if (cmsgLen < HEADER || cmsgLen > len - off) {
                return fail(held, err, Errno.EINVAL);
            }
            int level;
            int type;
            if (!Sockets.readInt(c, control + off + 8, i)) {
                return fail(held, err, Errno.EFAULT);
            }
            level = i[0];
            if (!Sockets.readInt(c, control + off + 12, i)) {
                return fail(held, err, Errno.EFAULT);
            }
            type = i[0];
            if (level == Sockets.SOL_SOCKET) {
                if (type == SCM_RIGHTS) {
                    int n = (int) ((cmsgLen - HEADER) / 4);
                    if (held.size() + n > MAX_FDS) {
                        return fail(held, err, Errno.EINVAL);
                    }
                    for (int k = 0; k < n; k++) {
                        if (!Sockets.readInt(c, control + off + HEADER + 4L * k, i)) {
                            return fail(held, err, Errno.EFAULT);
                        }
                        FileHandle h = c.hold(i[0]);
                        if (h == null) {
                            return fail(held, err, Errno.EBADF);
                        }
                        held.add(h);
                    }
                } else if (type != SCM_CREDENTIALS) {
                    return fail(held, err, Errno.EINVAL);
                }
            }
            off += align(cmsgLen);
        }
        return held;
    }

    private static List<FileHandle> fail(List<FileHandle> held, int[] err, int errno) {
        for (FileHandle h : held) {
            h.close();
        }
        err[0] = errno;
        return List.of();
    }

    /**
     * Linux's scm_detach_fds: installs the received descriptions at the
     * caller's lowest free descriptors (FD_CLOEXEC with MSG_CMSG_CLOEXEC) as
     * one SCM_RIGHTS message in the control buffer of len bytes at control;
     * those that do not fit (buffer or descriptor table) are closed and
     * MSG_CTRUNC set. Every handle is closed. Returns the bytes of control
     * buffer used (for msg_controllen) and sets flags[0] |= MSG_CTRUNC.
     */
    static long deliver(SyscallContext c, List<FileHandle> rights, long control, long len, int recvFlags,
            int[] flags) {
        if (rights.isEmpty()) {
            return 0;
        }
        int fit = control == 0 || len < HEADER ? 0 : (int) Math.min(rights.size(), (len - HEADER) / 4);
        List<Integer> fds = new ArrayList<>();
        for (int k = 0; k < rights.size(); k++) {
            FileHandle h = rights.get(k);
            if (k < fit && fds.size() == k) {
                long fd = c.installFile(h, (recvFlags & MSG_CMSG_CLOEXEC) != 0);
                if (fd >= 0) {
                    fds.add((int) fd);
                }
            }
            h.close();
        }
        if (fds.size() < rights.size()) {
            flags[0] |= MSG_CTRUNC;
        }
        rights.clear();
        if (fds.isEmpty()) {
            return 0;
        }
        long cmsgLen = HEADER + 4L * fds.size();
        c.memory().writeLong(control, cmsgLen);
        c.memory().writeInt(control + 8, Sockets.SOL_SOCKET);
        c.memory().writeInt(control + 12, SCM_RIGHTS);
        for (int k = 0; k < fds.size(); k++) {
            c.memory().writeInt(control + HEADER + 4L * k, fds.get(k));
        }
        return Math.min(align(cmsgLen), len);
    }
}
