package osbox.kernel.core.files;

import osbox.api.kernel.Errno;

/**
 * A process's file descriptors: slots pointing at shared open files, each
 * with its close-on-exec flag. The lowest free descriptor is used first, as
 * POSIX requires, and new ones stay below the process's RLIMIT_NOFILE
 * ({@link #limit}); descriptors already open above it stay open.
 */
public final class FileTable {
    /** Descriptors per process: the table's size, the largest RLIMIT_NOFILE (Linux's nr_open). */
    public static final int MAX = 1024;

    private final FileRef[] slots = new FileRef[MAX];
    private final boolean[] cloexec = new boolean[MAX];
    private int limit = MAX;

    /** New descriptors are below this (RLIMIT_NOFILE's soft limit, at most MAX). */
    public int limit() {
        return limit;
    }

    /** Sets RLIMIT_NOFILE's soft limit, 0..MAX (the caller caps it). */
    public void setLimit(int n) {
        if (n < 0 || n > MAX) {
            throw new IllegalArgumentException("descriptor limit " + n + " outside 0.." + MAX);
        }
        limit = n;
    }

    /** The open file at fd, or null when fd is not open (or out of range). */
    public FileRef get(long fd) {
        return fd >= 0 && fd < MAX ? slots[(int) fd] : null;
    }

    /** Installs f at the lowest free descriptor at or above {@code from} and below the limit; returns it or -EMFILE. */
    public int install(FileRef f, int from, boolean closeOnExec) {
        for (int fd = Math.max(0, from); fd < limit; fd++) {
            if (slots[fd] == null) {
                put(fd, f, closeOnExec);
                return fd;
            }
        }
        return -Errno.EMFILE;
    }

    /** Makes fd refer to f (closing what it referred to before). */
    public void put(int fd, FileRef f, boolean closeOnExec) {
        f.retain();
        FileRef old = slots[fd];
        slots[fd] = f;
        cloexec[fd] = closeOnExec;
        if (old != null) {
            old.drop();
        }
    }

    /** Closes fd: 0, or -EBADF when it was not open. */
    public int close(long fd) {
        FileRef f = get(fd);
        if (f == null) {
            return -Errno.EBADF;
        }
        slots[(int) fd] = null;
        cloexec[(int) fd] = false;
        f.drop();
        return 0;
    }

    /** A copy sharing every open file (fork). */
    public FileTable fork() {
        FileTable t = new FileTable();
        t.limit = limit;
        for (int fd = 0; fd < MAX; fd++) {
            if (slots[fd] != null) {
                t.put(fd, slots[fd], cloexec[fd]);
            }
        }
        return t;
    }

    /** Closes every descriptor marked close-on-exec (execve). */
    public void closeOnExec() {
        for (int fd = 0; fd < MAX; fd++) {
            if (slots[fd] != null && cloexec[fd]) {
                close(fd);
            }
        }
    }

    /** Closes everything (exit). */
    public void closeAll() {
        for (int fd = 0; fd < MAX; fd++) {
            if (slots[fd] != null) {
                close(fd);
            }
        }
    }

    public boolean isCloseOnExec(int fd) {
        return cloexec[fd];
    }

    public void setCloseOnExec(int fd, boolean on) {
        cloexec[fd] = on;
    }

    /** Number of open descriptors. */
    public int count() {
        int n = 0;
        for (FileRef f : slots) {
            n += f == null ? 0 : 1;
        }
        return n;
    }

    /** Hands {@code to} the open file of every descriptor, by descriptor (a description shared by several, each time). */
    public void forEachFile(java.util.function.Consumer<osbox.api.kernel.OpenFile> to) {
        for (FileRef f : slots) {
            if (f != null) {
                to.accept(f.file);
            }
        }
    }

    /** Whether some descriptor refers to {@code file} (the deadlock detector's question; a scan). */
    public boolean holds(osbox.api.kernel.OpenFile file) {
        for (FileRef f : slots) {
            if (f != null && f.file == file) {
                return true;
            }
        }
        return false;
    }
}
