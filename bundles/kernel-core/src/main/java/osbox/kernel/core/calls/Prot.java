package osbox.kernel.core.calls;

import osbox.kernel.core.vm.Pte;

/** PROT_* bits to PTE permissions. */
final class Prot {
    static final int READ = 1, WRITE = 2, EXEC = 4;

    private Prot() {
    }

    /** PROT bits to R/W/X; write implies read, since RISC-V reserves W without R. */
    static long toPte(int prot) {
        long p = 0;
        if ((prot & READ) != 0) {
            p |= Pte.R;
        }
        if ((prot & WRITE) != 0) {
            p |= Pte.R | Pte.W;
        }
        if ((prot & EXEC) != 0) {
            p |= Pte.X;
        }
        return p;
    }
}
