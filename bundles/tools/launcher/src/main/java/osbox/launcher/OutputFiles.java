package osbox.launcher;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The files a run writes (--report, --trace, --gantt, --memory-svg, --io-svg),
 * checked before the machine boots, so that a run is never thrown away for
 * want of somewhere to put its results. The check asks the file system
 * (access(2)) without creating anything; the reasons are the C library's
 * ({@code No such file or directory}, {@code Permission denied},
 * {@code Is a directory}, {@code Not a directory}).
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * The error line for the first output file of {@code files} (option to
     * name, as {@link CommandLine#outputFiles}) that cannot be written,
     * names relative to {@code cwd}; null when all can.
     */
    static String check(Map<String, String> files, Path cwd) {
        for (Map.Entry<String, String> f : files.entrySet()) {
            String why = whyNotWritable(cwd.resolve(f.getValue()));
            if (why != null) {
                return "osbox: " + f.getKey() + " " + f.getValue() + ": " + why;
            }
        }
        return null;
    }

    /** Why {@code file} cannot be created or overwritten, or null when it can. */
    static String whyNotWritable(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return "Is a directory";
        }
        if (Files.exists(absolute)) {
            return Files.isWritable(absolute) ? null : "Permission denied";
        }
        Path parent = absolute.getParent();
        if (parent == null || !Files.exists(parent)) {
            return ancestorIsAFile(parent) ? "Not a directory" : "No such file or directory";
        }
        if (!Files.isDirectory(parent)) {
            return "Not a directory";
        }
        return Files.isWritable(parent) ? null : "Permission denied";
    }

    // Whether some ancestor of a missing directory is a file (open(2) then says ENOTDIR, not ENOENT).
    private static boolean ancestorIsAFile(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return !Files.isDirectory(p);
            }
        }
        return false;
    }

    /**
     * The reason in an I/O exception from writing a file, as the C library
     * words it: Java's NoSuchFileException and friends carry only the path
     * in their message.
     */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
