package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** execve(path, argv, envp): runs the program at path (under the /host mount) in this process. */
public final class ExecveCall implements KernelSyscall {
    static final int MAX_ARGS = 4096;
    static final int MAX_STRING = 128 * 1024;

    // Reads a NULL-terminated array of string pointers; null on a bad pointer or too many.
    static java.util.List<String> strings(SyscallFrame c, long array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (array == 0) {
            return out;
        }
        long[] v = new long[1];
        for (int i = 0; i < MAX_ARGS; i++) {
            if (!c.memory().readLong(array + 8L * i, v)) {
                return null;
            }
            if (v[0] == 0) {
                return out;
            }
            String s = c.memory().readString(v[0], MAX_STRING);
            if (s == null) {
                return null;
            }
            out.add(s);
        }
        return null;
    }

    @Override
    public long invoke(SyscallFrame c) {
        String path = c.memory().readString(c.arg(0), 4096);
        if (path == null) {
            return -Errno.EFAULT;
        }
        java.util.List<String> argv = strings(c, c.arg(1));
        java.util.List<String> envp = strings(c, c.arg(2));
        if (argv == null || envp == null) {
            return -Errno.EFAULT;
        }
        long r = c.forkExec().exec(c.callingHart(), c.process(), path, argv, envp);
        return r == 0 ? NO_RETURN : r;
    }
}
