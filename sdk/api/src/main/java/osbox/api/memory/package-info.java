/**
 * The VM manager as the kernel sees it. The VM manager (bundle
 * {@code osbox.vm.manager}) owns every address space: page tables, regions,
 * demand paging, copy-on-write, swap, frame allocation and the
 * page-replacement policy slot. The kernel reaches it only through a
 * {@link osbox.api.memory.MemoryManager} service: it asks for an empty
 * {@link osbox.api.memory.AddressSpace} per process, fills it at exec,
 * forwards page faults to it, and reaches user memory through the space's
 * {@link osbox.api.kernel.UserMemory}.
 *
 * <p>Everything here is called on the simulation thread only (the machine's
 * safe point serializes calls from elsewhere).
 */
@org.osgi.annotation.versioning.Version("1.2.0")
@org.osgi.annotation.bundle.Export
package osbox.api.memory;
