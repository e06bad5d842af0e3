package osbox.kernel.core.calls;

import osbox.api.memory.AddressSpace;

/** mmap's and mprotect's prot argument as the VM manager's PROT_* bits. */
final class Prot {
    private Prot() {
    }

    /**
     * The PROT_READ, PROT_WRITE and PROT_EXEC bits of a syscall's prot
     * argument (other bits are ignored, as before); the VM manager makes
     * write imply read, since RISC-V reserves W without R.
     */
    static int of(long prot) {
        return (int) (prot & (AddressSpace.PROT_READ | AddressSpace.PROT_WRITE | AddressSpace.PROT_EXEC));
    }
}
