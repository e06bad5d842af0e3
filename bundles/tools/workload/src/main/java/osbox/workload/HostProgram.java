package osbox.workload;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a program's image from the host file system, with shell-like error
 * messages: what {@code ./osbox run} and the shell's {@code osbox:run} say
 * when a program cannot be read.
 */
public final class HostProgram {

    private HostProgram() {
    }

    /** Thrown when the program file cannot be read; the message is the line to print after "osbox: ". */
    public static final class UnreadableProgramException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableProgramException(String message) {
            super(message);
        }
    }

    /**
     * Reads {@code program} (relative to {@code cwd} unless absolute) and
     * returns its bytes; the exception's message says why not ("PROGRAM: No
     * such file or directory", "Is a directory", "Not a regular file",
     * "Permission denied", "cannot read: ...").
     */
    public static byte[] read(Path cwd, String program) throws UnreadableProgramException {
        Path path = check(cwd, program);
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UnreadableProgramException(program + ": No such file or directory");
        } catch (AccessDeniedException e) {
            throw new UnreadableProgramException(program + ": Permission denied");
        } catch (IOException | OutOfMemoryError e) {
            throw new UnreadableProgramException(program + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * Checks that {@code program} (relative to {@code cwd} unless absolute)
     * is a readable regular file, without reading it, and returns its path;
     * the exception says why not, as {@link #read} does. The osbox script's
     * preflight calls it before the framework boots.
     */
    public static Path check(Path cwd, String program) throws UnreadableProgramException {
        if (program.isEmpty()) {
            throw new UnreadableProgramException(": No such file or directory");
        }
        Path path = cwd.resolve(program);
        if (!Files.exists(path)) {
            throw new UnreadableProgramException(program + ": No such file or directory");
        }
        if (Files.isDirectory(path)) {
            throw new UnreadableProgramException(program + ": Is a directory");
        }
        if (!Files.isRegularFile(path)) {
            throw new UnreadableProgramException(program + ": Not a regular file");
        }
        if (!Files.isReadable(path)) {
            throw new UnreadableProgramException(program + ": Permission denied");
        }
        return path;
    }
}
