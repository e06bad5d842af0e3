package osbox.kernel.core.fs;

import osbox.api.kernel.OpenFile;

/** An open file, or the errno (positive) that stopped opening it. */
public record Opened(OpenFile file, int errno) {
    public static Opened of(OpenFile f) {
        return new Opened(f, 0);
    }

    public static Opened error(int errno) {
        return new Opened(null, errno);
    }
}
