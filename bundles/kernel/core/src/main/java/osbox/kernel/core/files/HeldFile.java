package osbox.kernel.core.files;

import osbox.api.kernel.FileHandle;
import osbox.api.kernel.OpenFile;

/**
 * One reference to an open file description outside the descriptor tables
 * (a descriptor in flight in an SCM_RIGHTS message): it keeps the
 * description open until closed, exactly once.
 */
public final class HeldFile implements FileHandle {
    private final FileRef ref;
    private boolean closed;

    /** Holds one more reference to ref. */
    public HeldFile(FileRef ref) {
        this.ref = ref;
        ref.retain();
    }

    /** The description held (to install it again); IllegalStateException once closed. */
    public FileRef ref() {
        if (closed) {
            throw new IllegalStateException("file handle of " + ref.file.describe() + " used after close");
        }
        return ref;
    }

    @Override
    public OpenFile file() {
        return ref().file;
    }

    @Override
    public void close() {
        if (closed) {
            throw new IllegalStateException("file handle of " + ref.file.describe() + " closed twice");
        }
        closed = true;
        ref.drop();
    }
}
