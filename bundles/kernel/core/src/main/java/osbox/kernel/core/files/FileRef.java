package osbox.kernel.core.files;

import osbox.api.kernel.OpenFile;

/** An open file and how many descriptors (in all processes) refer to it. */
public final class FileRef {
    public final OpenFile file;
    /** A number naming the open file (st_ino), given by the kernel in creation order. */
    public final long inode;
    private int refs;

    public FileRef(OpenFile file, long inode) {
        if (file == null) {
            throw new IllegalArgumentException("null open file");
        }
        this.file = file;
        this.inode = inode;
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
}
