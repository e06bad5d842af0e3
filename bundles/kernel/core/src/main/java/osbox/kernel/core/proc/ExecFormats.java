package osbox.kernel.core.proc;

import java.util.ArrayList;
import java.util.List;
import osbox.api.kernel.ExecFormat;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ExecImage;

/**
 * The executable formats installed (binfmt handlers from the whiteboard,
 * in the order they came), and the parse that tries them. Simulation thread
 * only.
 */
public final class ExecFormats {
    private final List<ExecFormat> formats = new ArrayList<>();

    /** Installs a format; it is tried after those installed before it. */
    public void add(ExecFormat f) {
        formats.add(f);
    }

    /** Removes a format (nothing happens if it was not installed). */
    public void remove(ExecFormat f) {
        formats.remove(f);
    }

    /**
     * Validates an executable with the first format that recognizes it.
     * Throws with a one-line reason: an empty file, no format installed, no
     * format recognizing it, or the recognizing format's own refusal.
     */
    public ExecImage parse(byte[] image) throws ExecFormatException {
        if (image.length == 0) {
            throw new ExecFormatException("empty file");
        }
        for (ExecFormat f : formats) {
            if (f.recognizes(image)) {
                return f.parse(image);
            }
        }
        if (formats.isEmpty()) {
            throw new ExecFormatException("no executable format is installed");
        }
        throw new ExecFormatException("not an ELF file (bad magic number)");
    }
}
