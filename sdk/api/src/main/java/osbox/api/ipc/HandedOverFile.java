package osbox.api.ipc;

import org.osgi.annotation.versioning.ConsumerType;
import osbox.api.kernel.OpenFile;

/**
 * An open file description a replaceable IPC mechanism gave out (a
 * message-queue descriptor), which must outlive the revision of the
 * bundle that made it: descriptors keep referring to this object after an
 * update, so it forwards every operation to the successor's description
 * once the successor took it over ({@link #delegateTo}). The successor
 * finds these objects through {@code ProcessManager.openFiles()} and
 * recognises its own by {@link #owner()} and {@link #handle()}, which name
 * the description in the predecessor's snapshot. Simulation thread only.
 * Since 1.1.
 */
@ConsumerType
public interface HandedOverFile extends OpenFile {
    /** The mechanism whose snapshot names this description (its snapshot format, "osbox.ipc.posixmq"). */
    String owner();

    /** This description's number in the latest snapshot of {@link #owner()}, or -1 when none named it yet. */
    long handle();

    /** From now on every operation goes to {@code successor}, the description that took this one over. */
    void delegateTo(OpenFile successor);
}
