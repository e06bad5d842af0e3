package osbox.kernel.core.files;

import osbox.api.kernel.OpenFile;

/**
 * An open file description (Linux's struct file): the open file, its access
 * mode and status flags (fcntl F_GETFL, F_SETFL), and how many references
 * (descriptors in all processes, handles in flight) keep it open.
 */
public final class FileRef {
    /** The status flags fcntl F_SETFL may change (Linux's SETFL_MASK, as far as osbox has them). */
    public static final int SETTABLE = OpenFile.O_APPEND | OpenFile.O_NONBLOCK;
    /** The flags a description keeps: the access mode, the status flags and O_LARGEFILE. */
    public static final int KEPT = OpenFile.O_ACCMODE | SETTABLE | OpenFile.O_LARGEFILE;

    public final OpenFile file;
    /** A number naming the open file (st_ino), given by the kernel in creation order. */
    public final long inode;
    private int refs;
    private int statusFlags;

    /** A description of {@code file} opened with {@code openFlags} (only the {@link #KEPT} bits stay). */
    public FileRef(OpenFile file, long inode, int openFlags) {
        if (file == null) {
            throw new IllegalArgumentException("null open file");
        }
        this.file = file;
        this.inode = inode;
        this.statusFlags = openFlags & KEPT;
    }

    void retain() {
        refs++;
    }

    // Drops one reference; releases the file when it was the last.
    void drop() {
        if (refs <= 0) {
            throw new IllegalStateException("open file " + file.describe() + " closed more often than opened");
        }
        if (--refs == 0) {
            file.release();
        }
    }

    public int references() {
        return refs;
    }

    /** fcntl F_GETFL: the access mode and status flags. */
    public int statusFlags() {
        return statusFlags;
    }

    /** fcntl F_SETFL: takes the {@link #SETTABLE} bits of flags; the access mode and the rest stay. */
    public void setStatusFlags(int flags) {
        statusFlags = (statusFlags & ~SETTABLE) | (flags & SETTABLE);
    }

    /** Whether O_NONBLOCK is set: reads and writes answer EAGAIN where they would sleep. */
    public boolean nonBlocking() {
        return (statusFlags & OpenFile.O_NONBLOCK) != 0;
    }
}
