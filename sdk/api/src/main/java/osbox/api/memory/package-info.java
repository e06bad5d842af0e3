/**
 * The VM manager as the kernel sees it. The VM manager (bundle
 * {@code osbox.vm.manager}) owns every address space: page tables, regions,
 * demand paging, copy-on-write, swap, frame allocation and the
 * page-replacement policy slot. The kernel reaches it only through a
 * {@link osbox.api.memory.MemoryManager} service: it asks for an empty
 * {@link osbox.api.memory.AddressSpace} per process, fills it at exec,
 * forwards page faults to it, and reaches user memory through the space's
 * {@link osbox.api.memory.UserCopy}. Nothing here calls back into the
 * kernel: a fault or a copy that finds no frame answers so
 * ({@link osbox.api.memory.AddressSpace#OOM},
 * {@link osbox.api.memory.UserCopy#OUT_OF_MEMORY}), and the kernel runs its
 * OOM killer and tries again.
 *
 * <p>Everything here is called on the simulation thread only (the machine's
 * safe point serializes calls from elsewhere).
 *
 * <p>2.0: {@code AddressSpace.userMemory()} and
 * {@code MemoryManager.setOutOfMemoryHandler} are gone; copies answer a
 * result ({@link osbox.api.memory.UserCopy}) instead of calling the kernel's
 * handler, and the kernel wraps them as the handlers' {@code UserMemory}.
 *
 * <p>2.1: {@link osbox.api.memory.SharedMemoryObject} (a shared memory
 * object made by {@link osbox.api.memory.MemoryManager#createSharedMemory}
 * apart from any process) and {@link osbox.api.memory.AddressSpace#attach}
 * and {@link osbox.api.memory.AddressSpace#detach}: what the System V shared
 * memory bundle builds on.
 *
 * <p>2.2: {@link osbox.api.memory.MemoryManager#allocateKernelFrame} and
 * {@link osbox.api.memory.MemoryManager#freeKernelFrame}: frames the kernel
 * keeps for itself (a disk driver's DMA lists, bounce buffers; issue 12).
 */
@org.osgi.annotation.versioning.Version("2.2.0")
@org.osgi.annotation.bundle.Export
package osbox.api.memory;
