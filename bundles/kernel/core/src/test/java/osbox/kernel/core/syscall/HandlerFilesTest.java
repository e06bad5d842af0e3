package osbox.kernel.core.syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;

/**
 * A handler from another bundle gives out descriptors with
 * {@link SyscallContext#installFile} and looks them up with
 * {@link SyscallContext#file}: the file lands at the lowest free
 * descriptor, dup and close count its references, and it is released once,
 * after the last close; a full table answers EMFILE and releases it.
 */
class HandlerFilesTest {
    // The numbers the test's handlers take (eventfd2 and a free one).
    static final int MAKE = 19, LOOKUP = 300;

    /** An open file that counts its releases. */
    static final class Counted implements OpenFile {
        int releases;

        @Override
        public long read(SyscallContext c, long buf, long len) {
            return 0;
        }

        @Override
        public long write(SyscallContext c, long buf, long len) {
            return len;
        }

        @Override
        public int mode() {
            return S_IFCHR | 0600;
        }

        @Override
        public void release() {
            releases++;
        }

        @Override
        public String describe() {
            return "counted";
        }
    }

    @Test
    void handlerFilesAreCountedAndReleasedAfterTheLastClose() throws Exception {
        KernelBench k = new KernelBench();
        Counted made = new Counted();
        OpenFile[] seen = new OpenFile[1];
        k.kernel.installSyscall(MAKE, "make", c -> c.installFile(made, c.arg(0) != 0));
        k.kernel.installSyscall(LOOKUP, "lookup", c -> {
            seen[0] = c.file(c.arg(0));
            return seen[0] == null ? -Errno.EBADF : 0;
        });
        Process p = k.spawn("files");
        long fd = k.call(p, MAKE, 1);
        assertEquals(0, fd, "no terminal on the bench: the lowest free descriptor is 0");
        assertEquals(1, k.call(p, Syscalls.FCNTL, fd, 1, 0), "closeOnExec sets FD_CLOEXEC");
        assertEquals(0, k.call(p, LOOKUP, fd));
        assertSame(made, seen[0]);
        assertEquals(-Errno.EBADF, k.call(p, LOOKUP, 5), "a descriptor not open");
        assertNull(seen[0]);
        long copy = k.call(p, Syscalls.DUP, fd);
        assertEquals(1, copy);
        assertEquals(0, k.call(p, Syscalls.CLOSE, fd));
        assertEquals(0, made.releases, "the dup still refers to it");
        assertEquals(0, k.call(p, Syscalls.CLOSE, copy));
        assertEquals(1, made.releases, "released once, after the last close");
    }

    @Test
    void aFullTableAnswersEmfileAndReleasesTheFile() throws Exception {
        KernelBench k = new KernelBench();
        Counted[] last = new Counted[1];
        SyscallHandler make = c -> c.installFile(last[0] = new Counted(), false);
        k.kernel.installSyscall(MAKE, "make", make);
        Process p = k.spawn("full");
        p.files().setLimit(2);
        assertEquals(0, k.call(p, MAKE));
        assertEquals(1, k.call(p, MAKE));
        assertEquals(-Errno.EMFILE, k.call(p, MAKE));
        assertEquals(1, last[0].releases, "the file that found no descriptor is released");
    }
}
