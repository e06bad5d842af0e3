/**
 * What IPC mechanisms show of their objects: each System V bundle (message
 * queues, semaphore sets, shared memory segments) registers an {@link
 * osbox.api.ipc.IpcTable} service, and the shell's {@code ipc:list} (like
 * ipcs) reads every one of them as {@link osbox.api.ipc.IpcObjectInfo} rows.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
@org.osgi.annotation.bundle.Export
package osbox.api.ipc;
