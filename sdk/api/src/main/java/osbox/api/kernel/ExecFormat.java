package osbox.api.kernel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An executable file format (binfmt): parses and validates a file into the
 * segments the kernel maps. Registered as a service; the kernel tries each.
 */
@ConsumerType
public interface ExecFormat {
    /** Whether the file looks like this format at all (magic number). */
    boolean recognizes(byte[] file);

    /** Parses and validates; the exception's message is a one-line reason. */
    ExecImage parse(byte[] file) throws ExecFormatException;
}
