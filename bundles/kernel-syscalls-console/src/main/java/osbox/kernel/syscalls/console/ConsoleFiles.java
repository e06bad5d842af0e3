package osbox.kernel.syscalls.console;

import java.util.BitSet;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import osbox.api.hw.Console;
import osbox.api.kernel.Errno;
import osbox.api.kernel.InterruptHandler;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.UserMemory;
import osbox.api.kernel.WaitQueue;

/**
 * Descriptors 0, 1 and 2 of every process, all on the console: 0 reads,
 * 1 and 2 write. Until a VFS brings real descriptor tables, this keeps
 * which of the three each process has closed. Also the console's interrupt
 * service routine: input arriving wakes the readers.
 */
@Component(service = {ConsoleFiles.class, InterruptHandler.class})
public final class ConsoleFiles implements InterruptHandler {
    static final int CHUNK = 4096;

    private final Console console;
    private final Kernel kernel;
    private final WaitQueue readers;
    private final TreeMap<Integer, BitSet> closed = new TreeMap<>();
    private final java.util.function.Consumer<ProcessView> onExit = p -> closed.remove(p.pid());

    @Activate
    public ConsoleFiles(@Reference Console console, @Reference Kernel kernel) {
        this.console = console;
        this.kernel = kernel;
        this.readers = kernel.newWaitQueue("console-input");
        kernel.processManager().addExitListener(onExit);
    }

    @Deactivate
    void deactivate() {
        kernel.processManager().removeExitListener(onExit);
    }

    @Override
    public int source() {
        return console.interruptSource();
    }

    @Override
    public void interrupt(int source) {
        readers.wakeAll();
    }

    /** Whether fd is one of the console descriptors and still open in this process. */
    boolean isOpen(SyscallContext c, long fd) {
        if (fd < 0 || fd > 2) {
            return false;
        }
        BitSet b = closed.get(c.process().pid());
        return b == null || !b.get((int) fd);
    }

    /** close(fd) of a console descriptor: 0, or -EBADF. */
    long close(SyscallContext c, long fd) {
        if (!isOpen(c, fd)) {
            return -Errno.EBADF;
        }
        closed.computeIfAbsent(c.process().pid(), k -> new BitSet(3)).set((int) fd);
        return 0;
    }

    /**
     * Writes len bytes from user address buf to the console. Returns bytes
     * written, or -EFAULT when not even the first byte could be read.
     */
    long write(SyscallContext c, long fd, long buf, long len) {
        if (!isOpen(c, fd) || fd == 0) {
            return -Errno.EBADF;
        }
        if (len < 0) {
            return -Errno.EINVAL;
        }
        UserMemory m = c.memory();
        byte[] chunk = new byte[(int) Math.min(len, CHUNK)];
        long done = 0;
        while (done < len) {
            int n = (int) Math.min(len - done, CHUNK);
            if (!m.read(buf + done, chunk, 0, n)) {
                // copy what is readable of this chunk, byte by byte, then stop
                int ok = 0;
                while (ok < n && m.read(buf + done + ok, chunk, ok, 1)) {
                    ok++;
                }
                console.write(chunk, 0, ok);
                done += ok;
                return done > 0 ? done : -Errno.EFAULT;
            }
            console.write(chunk, 0, n);
            done += n;
        }
        return done;
    }

    /**
     * Reads up to len bytes of console input into user address buf. Sleeps
     * (returns RESTART) while none is buffered; 0 at end of input.
     */
    long read(SyscallContext c, long fd, long buf, long len) {
        if (!isOpen(c, fd) || fd != 0) {
            return -Errno.EBADF;
        }
        if (len < 0) {
            return -Errno.EINVAL;
        }
        if (len == 0) {
            return 0;
        }
        byte[] tmp = new byte[(int) Math.min(len, CHUNK)];
        // check the destination before waiting or taking bytes out of the console:
        // a bad pointer fails at once (as qemu-user does) and loses no input
        // (read then write back the same bytes: checks writability without changing the buffer)
        if (!c.memory().read(buf, tmp, 0, tmp.length) || !c.memory().write(buf, tmp, 0, tmp.length)) {
            return -Errno.EFAULT;
        }
        if (!console.readable()) {
            c.sleepOn(readers);
            return osbox.api.kernel.SyscallHandler.RESTART;
        }
        int n = console.read(tmp, 0, tmp.length);
        if (n < 0) {
            return 0;
        }
        c.memory().write(buf, tmp, 0, n);
        return n;
    }
}
