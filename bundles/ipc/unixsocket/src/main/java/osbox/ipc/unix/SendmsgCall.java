package osbox.ipc.unix;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.FileHandle;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;

/**
 * sendmsg(fd, msg, flags) on a Unix socket: the bytes of msg's iovecs as
 * one message, with the descriptors of its SCM_RIGHTS control messages
 * passed along as the same open file descriptions (they stay open while in
 * flight, even if the sender closes them); flags as sendto's. EFAULT for an
 * unreadable msghdr, EMSGSIZE beyond IOV_MAX iovecs, EINVAL or EBADF for
 * bad control data, EISCONN with a destination name.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Sockets.SENDMSG, SyscallHandler.NAME + "=sendmsg",
        SyscallHandler.STATUS + "=partial: Unix sockets from socketpair only; SCM_RIGHTS passes descriptors, "
                + "SCM_CREDENTIALS is accepted and ignored"})
public final class SendmsgCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        if (Sockets.of(c, c.arg(0)) == null) {
            return Sockets.notSocket(c, c.arg(0));
        }
        MsgHdr m = MsgHdr.read(c, c.arg(1));
        if (m == null) {
            return -Errno.EFAULT;
        }
        int[] err = new int[1];
        Iovecs iov = Iovecs.read(c.memory(), m.iov(), m.iovlen(), err);
        if (iov == null) {
            return -err[0];
        }
        List<FileHandle> rights = Control.rights(c, m.control(), m.control() == 0 ? 0 : m.controllen(), err);
        if (err[0] != 0) {
            return -err[0];
        }
        return SendCalls.send(c, c.arg(0), iov, rights, (int) c.arg(2), m.name());
    }
}
