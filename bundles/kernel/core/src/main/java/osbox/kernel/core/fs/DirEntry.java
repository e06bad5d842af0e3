package osbox.kernel.core.fs;

/** One entry of a directory listing: its name, inode number and d_type. */
public record DirEntry(String name, long ino, int type) {
}
