package osbox.api.ipc;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One kind of IPC object as its mechanism bundle keeps them, registered as
 * a service so tools can list them (the shell's {@code ipc:list}).
 */
@ConsumerType
public interface IpcTable {
    /** The kind's name: {@code msg}, {@code sem} or {@code shm}. */
    String kind();

    /** A copy of every object of the kind now, by id. Simulation thread only (tools go through Machine.call). */
    List<IpcObjectInfo> objects();
}
