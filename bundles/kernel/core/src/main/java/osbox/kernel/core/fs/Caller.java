package osbox.kernel.core.fs;

import osbox.kernel.core.files.FileTable;

/**
 * The process a path is resolved for, as the namespace sees it: where
 * relative paths start, the program it runs (/proc/self/exe) and its
 * descriptors (/proc/self/fd). The kernel's process implements it.
 */
public interface Caller {
    /** The working directory. */
    Node cwd();

    /** The file of the program it runs. */
    Node exe();

    /** Its descriptor table. */
    FileTable files();

    /** Its I/O priority as ioprio_set(2) encodes it (class &lt;&lt; 13 | level), 0 when none was set. */
    default int ioPriority() {
        return 0;
    }
}
