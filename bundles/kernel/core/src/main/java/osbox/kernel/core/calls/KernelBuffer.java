package osbox.kernel.core.calls;

import osbox.api.kernel.FileHandle;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.UserMemory;
import osbox.api.kernel.WaitQueue;
import osbox.api.kernel.WaitResource;

/**
 * A call's context whose "user memory" is a kernel buffer: addresses
 * 0..length of {@code bytes}, nothing else readable or writable. The kernel
 * hands it to an open file's read or write to move bytes between two files
 * without a user buffer (sendfile; Linux's kernel_write). Everything else
 * (the caller, its sleeps, the clock) is the real call's.
 */
final class KernelBuffer implements SyscallContext {
    private final SyscallContext call;
    private final byte[] bytes;
    private final int length;
    private final UserMemory memory = new UserMemory() {
        @Override
        public boolean read(long va, byte[] dst, int off, int len) {
            if (!inside(va, len)) {
                return false;
            }
            System.arraycopy(bytes, (int) va, dst, off, len);
            return true;
        }

        @Override
        public boolean write(long va, byte[] src, int off, int len) {
            if (!inside(va, len)) {
                return false;
            }
            System.arraycopy(src, off, bytes, (int) va, len);
            return true;
        }
    };

    /** The first {@code length} bytes of {@code bytes}, at address 0, for a file called within {@code call}. */
    KernelBuffer(SyscallContext call, byte[] bytes, int length) {
        if (length < 0 || length > bytes.length) {
            throw new IllegalArgumentException("length " + length + " of a " + bytes.length + "-byte buffer");
        }
        this.call = call;
        this.bytes = bytes;
        this.length = length;
    }

    // Whether [va, va + len) lies in the buffer.
    private boolean inside(long va, int len) {
        return va >= 0 && len >= 0 && va <= length - len;
    }

    @Override
    public UserMemory memory() {
        return memory;
    }

    @Override
    public int number() {
        return call.number();
    }

    @Override
    public long arg(int i) {
        return call.arg(i);
    }

    @Override
    public ProcessView process() {
        return call.process();
    }

    @Override
    public int hart() {
        return call.hart();
    }

    @Override
    public long now() {
        return call.now();
    }

    @Override
    public long frequencyHz() {
        return call.frequencyHz();
    }

    @Override
    public void sleepOn(WaitQueue queue) {
        call.sleepOn(queue);
    }

    @Override
    public void sleepUntil(long deadline) {
        call.sleepUntil(deadline);
    }

    @Override
    public void sleepOnUntil(WaitQueue queue, long deadline) {
        call.sleepOnUntil(queue, deadline);
    }

    @Override
    public boolean woken() {
        return call.woken();
    }

    @Override
    public long installFile(OpenFile file, boolean closeOnExec) {
        return call.installFile(file, closeOnExec);
    }

    @Override
    public OpenFile file(long fd) {
        return call.file(fd);
    }

    @Override
    public long waitFor(WaitQueue queue, WaitResource resource) {
        return call.waitFor(queue, resource);
    }

    @Override
    public long installFile(OpenFile file, int openFlags) {
        return call.installFile(file, openFlags);
    }

    @Override
    public boolean nonBlocking() {
        return call.nonBlocking();
    }

    @Override
    public FileHandle hold(long fd) {
        return call.hold(fd);
    }

    @Override
    public long installFile(FileHandle handle, boolean closeOnExec) {
        return call.installFile(handle, closeOnExec);
    }

    @Override
    public long closeFile(long fd) {
        return call.closeFile(fd);
    }

    @Override
    public long replaceSigmask(long sigmask, long sigsetsize) {
        return call.replaceSigmask(sigmask, sigsetsize);
    }

    @Override
    public void restoreSigmask() {
        call.restoreSigmask();
    }

    @Override
    public void raiseSigpipe() {
        call.raiseSigpipe();
    }
}
