package osbox.ipc.unix;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;

/**
 * recvmsg(fd, msg, flags) on a Unix socket: into msg's iovecs (flags as
 * recvfrom's, and MSG_CMSG_CLOEXEC for received descriptors); descriptors
 * that came with the data are installed and named in one SCM_RIGHTS
 * control message. Written back: msg_namelen 0 (the peer is unnamed),
 * msg_controllen (the control bytes used) and msg_flags (MSG_TRUNC for a
 * cut datagram, MSG_CTRUNC when descriptors did not fit and were closed).
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Sockets.RECVMSG, SyscallHandler.NAME + "=recvmsg",
        SyscallHandler.STATUS + "=partial: Unix sockets from socketpair only; SCM_RIGHTS only (no SCM_CREDENTIALS); "
                + "MSG_WAITALL and MSG_ERRQUEUE are ignored"})
public final class RecvmsgCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        UnixSocket s = Sockets.of(c, c.arg(0));
        if (s == null) {
            return Sockets.notSocket(c, c.arg(0));
        }
        long msg = c.arg(1);
        MsgHdr m = MsgHdr.read(c, msg);
        if (m == null) {
            return -Errno.EFAULT;
        }
        int[] err = new int[1];
        Iovecs iov = Iovecs.read(c.memory(), m.iov(), m.iovlen(), err);
        if (iov == null) {
            return -err[0];
        }
        int flags = (int) c.arg(2);
        UnixSocket.Received got = new UnixSocket.Received();
        long r = s.receive(c, iov, flags, got);
        if (r < 0 || r == RESTART) {
            return r;
        }
        // msg_flags starts from MSG_CMSG_CLOEXEC as given, as Linux's ___sys_recvmsg
        int[] msgFlags = {(flags & Control.MSG_CMSG_CLOEXEC) | (got.truncated ? UnixSocket.MSG_TRUNC : 0)};
        long used = Control.deliver(c, got.rights, m.control(), m.controllen(), flags, msgFlags);
        boolean ok = c.memory().writeLong(msg + MsgHdr.CONTROLLEN, used)
                && c.memory().writeInt(msg + MsgHdr.FLAGS, msgFlags[0]);
        if (m.name() != 0) {
            ok &= c.memory().writeInt(msg + MsgHdr.NAMELEN, 0);
        }
        return ok ? r : -Errno.EFAULT;
    }
}
