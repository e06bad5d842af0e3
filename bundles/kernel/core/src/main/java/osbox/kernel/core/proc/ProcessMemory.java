package osbox.kernel.core.proc;

import java.util.function.IntSupplier;
import osbox.api.kernel.UserMemory;
import osbox.api.memory.UserCopy;

/**
 * A process's memory as system calls reach it: the VM manager's copies
 * ({@link UserCopy}, which answer a result and never call back), with the
 * kernel's answer to a copy that found no frame: the OOM killer frees
 * memory by killing another process and the copy is tried again, in this
 * loop, in kernel code. When the OOM killer chooses the caller itself (or
 * frees nothing) the copy fails, as a bad pointer does, and the caller is
 * killed when its system call returns.
 */
public final class ProcessMemory implements UserMemory {
    /** Most processes one copy may have killed for it before it gives up (a bound, not a goal). */
    static final int MAX_KILLS = 64;

    /** What frees memory for a copy of {@code owner}'s that found no frame. */
    @FunctionalInterface
    public interface Reclaim {
        /**
         * Frees memory for {@code owner}: true when another process was
         * killed (its frames are free, try again), false when nothing was
         * freed for it (the copy fails).
         */
        boolean forCopy(Process owner);
    }

    private final UserCopy copy;
    private final Process owner;
    private final Reclaim reclaim;

    /** The memory of {@code owner} reached through {@code copy}, with {@code reclaim} behind it. */
    public ProcessMemory(UserCopy copy, Process owner, Reclaim reclaim) {
        this.copy = copy;
        this.owner = owner;
        this.reclaim = reclaim;
    }

    /** copyin: true when every byte was read (after freeing memory if need be); false for a bad pointer. */
    @Override
    public boolean read(long va, byte[] dst, int off, int len) {
        return untilDone(() -> copy.copyIn(va, dst, off, len));
    }

    /** copyout: true when every byte was written (after freeing memory if need be); false for a bad pointer. */
    @Override
    public boolean write(long va, byte[] src, int off, int len) {
        return untilDone(() -> copy.copyOut(va, src, off, len));
    }

    // Runs a copy; while it finds no frame and the OOM killer freed some, runs it again (a retried copy
    // redoes what the failed one did, harmlessly: the same bytes, pages already brought in stay).
    private boolean untilDone(IntSupplier attempt) {
        int r = attempt.getAsInt();
        for (int kills = 0; r == UserCopy.OUT_OF_MEMORY && kills < MAX_KILLS && reclaim.forCopy(owner); kills++) {
            r = attempt.getAsInt();
        }
        return r == UserCopy.DONE;
    }
}
