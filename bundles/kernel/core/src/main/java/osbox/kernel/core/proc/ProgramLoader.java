package osbox.kernel.core.proc;

import java.util.List;
import osbox.api.hw.HartContext;
import osbox.api.hw.PhysicalMemory;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ExecImage;
import osbox.api.kernel.UserMemory;
import osbox.api.memory.AddressSpace;
import osbox.api.memory.MemoryManager;

/**
 * exec's work: builds a fresh address space from a validated image (its
 * segments with their permissions, the heap after them, the stack at the
 * top), lays out argc/argv/envp/auxv on the stack as Linux does, and sets
 * the registers to start at the entry point. The stack region is as large
 * as the process's RLIMIT_STACK soft limit allows (Linux's setup_arg_pages),
 * rounded up to pages, never smaller than the arguments need and never
 * larger than the address-space layout's {@link AddressSpace#STACK_LIMIT}.
 */
public final class ProgramLoader {
    /** Bytes the argument and environment strings and vectors may take. */
    public static final int ARG_LIMIT = 256 * 1024;

    private final MemoryManager vm;
    private final ProcessMemory.Reclaim reclaim;

    /**
     * A loader whose address spaces come from the VM manager {@code vm};
     * a copy into a new image that finds no frame asks {@code reclaim}.
     */
    public ProgramLoader(MemoryManager vm, ProcessMemory.Reclaim reclaim) {
        this.vm = vm;
        this.reclaim = reclaim;
    }

    /**
     * Cuts the stack region to {@code limit} bytes below the top (rounded up
     * to pages), keeping at least the pages from {@code lowest} up (the
     * arguments): the stack cannot grow past it.
     */
    static void limitStack(AddressSpace space, long limit, long lowest) {
        long keep = Math.max((limit + AddressSpace.PAGE - 1) & -AddressSpace.PAGE,
                AddressSpace.STACK_TOP - (lowest & -AddressSpace.PAGE));
        if (keep < AddressSpace.STACK_LIMIT) {
            space.unmap(AddressSpace.STACK_TOP - AddressSpace.STACK_LIMIT, AddressSpace.STACK_LIMIT - keep);
        }
    }

    /** A loaded image: the new address space, its user-memory access and the initial registers. */
    public record Loaded(AddressSpace space, UserMemory user, HartContext context) {
    }

    /**
     * Builds a new address space for process {@code p} and an initial context running {@code image};
     * nothing of the process changes, so a failed execve leaves the old image
     * intact. On failure the new space is freed and the exception says why.
     */
    public Loaded load(Process p, ExecImage image, List<String> argv, List<String> envp, String execfn,
            byte[] random16) throws ExecFormatException {
        AddressSpace space = vm.createAddressSpace(p.pid());
        if (space == null) {
            throw new ExecFormatException("not enough memory to start the program");
        }
        try {
            for (ExecImage.LoadSegment s : image.segments()) {
                int prot = (s.read() ? AddressSpace.PROT_READ : 0) | (s.write() ? AddressSpace.PROT_WRITE : 0)
                        | (s.execute() ? AddressSpace.PROT_EXEC : 0);
                space.loadSegment(s.vaddr(), image.file(), (int) s.fileOffset(), (int) s.fileSize(), s.memSize(),
                        prot);
            }
            space.initHeap(image.end());
            if (!space.initStack(0)) {
                throw new ExecFormatException("not enough memory for the stack");
            }
            long[] auxv = {
                StackLayout.AT_PHDR, image.phdrVaddr(), StackLayout.AT_PHENT, image.phent(),
                StackLayout.AT_PHNUM, image.phnum(), StackLayout.AT_PAGESZ, PhysicalMemory.PAGE_SIZE,
                StackLayout.AT_BASE, 0, StackLayout.AT_FLAGS, 0, StackLayout.AT_ENTRY, image.entry(),
                StackLayout.AT_UID, 0, StackLayout.AT_EUID, 0, StackLayout.AT_GID, 0, StackLayout.AT_EGID, 0,
                StackLayout.AT_HWCAP, StackLayout.HWCAP_RV64IMAFDC, StackLayout.AT_CLKTCK, 100,
                StackLayout.AT_SECURE, 0,
            };
            StackLayout.Built stack;
            try {
                stack = StackLayout.build(AddressSpace.STACK_TOP, argv, envp, execfn, auxv, random16, ARG_LIMIT);
            } catch (IllegalArgumentException e) {
                throw new ExecFormatException("argument list too long");
            }
            limitStack(space, p.limits().softAtMost(ResourceLimits.RLIMIT_STACK, AddressSpace.STACK_LIMIT),
                    stack.base());
            UserMemory user = new ProcessMemory(space.userCopy(), p, reclaim);
            if (!user.write(stack.base(), stack.bytes(), 0, stack.bytes().length)) {
                throw new ExecFormatException("not enough memory for the arguments");
            }
            HartContext ctx = new HartContext();
            ctx.pc = image.entry();
            ctx.x[HartContext.SP] = stack.sp();
            return new Loaded(space, user, ctx);
        } catch (ExecFormatException | RuntimeException e) {
            space.destroy();
            throw e;
        }
    }
}
