package osbox.kernel.core.files;

import java.util.function.Function;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.WaitQueue;

/**
 * Where open files come from inside the kernel: it names each one that goes
 * into a descriptor table (an inode number, st_ino, in creation order) and
 * makes pipes, numbered in creation order, with wait queues of the kernel's
 * dispatcher. Simulation thread only.
 */
public final class OpenFiles {
    private final Function<String, WaitQueue> queues;
    private long nextInode = 1;
    private int nextPipe = 1;

    /** Open files whose pipes sleep on queues made by {@code queues} (given the queue's name). */
    public OpenFiles(Function<String, WaitQueue> queues) {
        this.queues = queues;
    }

    /**
     * Wraps an open file for descriptor tables as a new open file
     * description with the access mode and status flags of openFlags,
     * naming it with the next inode number.
     */
    public FileRef wrap(OpenFile f, int openFlags) {
        return new FileRef(f, nextInode++, openFlags);
    }

    /** A new pipe; the caller opens its ends and wraps them. */
    public Pipe newPipe() {
        int id = nextPipe++;
        return new Pipe(id, queues.apply("pipe:[" + id + "] readers"), queues.apply("pipe:[" + id + "] writers"));
    }
}
