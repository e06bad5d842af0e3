package osbox.api.hw;

/**
 * Trap causes, numbered as the RISC-V privileged spec numbers scause.
 * Interrupts carry the {@link #INTERRUPT} flag.
 */
public final class TrapCause {
    /** Returned by {@link Hart#run} when the cycle budget ran out: no trap. */
    public static final int NONE = -1;

    public static final int INSTRUCTION_MISALIGNED = 0;
    public static final int INSTRUCTION_ACCESS_FAULT = 1;
    public static final int ILLEGAL_INSTRUCTION = 2;
    public static final int BREAKPOINT = 3;
    public static final int LOAD_MISALIGNED = 4;
    public static final int LOAD_ACCESS_FAULT = 5;
    public static final int STORE_MISALIGNED = 6;
    public static final int STORE_ACCESS_FAULT = 7;
    public static final int ECALL_FROM_U = 8;
    public static final int INSTRUCTION_PAGE_FAULT = 12;
    public static final int LOAD_PAGE_FAULT = 13;
    public static final int STORE_PAGE_FAULT = 15;

    /**
     * Software-managed TLB (custom causes 24..26, the range the privileged
     * spec leaves for custom use): an instruction fetch, load or store
     * found no entry in the TLB that permits it, and the hardware does not
     * walk. tval is the faulting virtual address; the cause names the access
     * kind ({@link #tlbMissAccess}). The kernel looks the page up in its own
     * table and either installs a translation with
     * {@link TranslationUnit#install} and returns to retry the instruction,
     * or treats the access as the matching page fault. A store to a page
     * whose entry was installed without write permission also traps here
     * (with {@link #STORE_TLB_MISS}): that is how the kernel sees the first
     * write to a clean page.
     */
    public static final int INSTRUCTION_TLB_MISS = 24;
    /** See {@link #INSTRUCTION_TLB_MISS}: a load (or LR) missed the TLB. */
    public static final int LOAD_TLB_MISS = 25;
    /** See {@link #INSTRUCTION_TLB_MISS}: a store, SC or AMO missed the TLB (or found it read-only). */
    public static final int STORE_TLB_MISS = 26;

    public static final int INTERRUPT = 1 << 30;
    public static final int TIMER_INTERRUPT = INTERRUPT | 5;
    public static final int EXTERNAL_INTERRUPT = INTERRUPT | 9;

    /**
     * Size of a table indexed by exception cause: every standard cause and
     * the custom range 24..31, which holds the TLB-miss causes.
     */
    public static final int EXCEPTION_COUNT = 32;

    private TrapCause() {
    }

    public static boolean isInterrupt(int cause) {
        return cause >= 0 && (cause & INTERRUPT) != 0;
    }

    /** Whether {@code cause} is one of the three software-TLB miss causes. */
    public static boolean isTlbMiss(int cause) {
        return cause >= INSTRUCTION_TLB_MISS && cause <= STORE_TLB_MISS;
    }

    /**
     * The access kind ({@link Access#EXECUTE}, {@link Access#READ} or
     * {@link Access#WRITE}) of a TLB-miss cause; IllegalArgumentException for
     * any other cause.
     */
    public static int tlbMissAccess(int cause) {
        switch (cause) {
            case INSTRUCTION_TLB_MISS: return Access.EXECUTE;
            case LOAD_TLB_MISS: return Access.READ;
            case STORE_TLB_MISS: return Access.WRITE;
            default: throw new IllegalArgumentException("not a TLB-miss cause: " + cause);
        }
    }

    /** The page-fault cause that matches a TLB-miss cause (what the kernel reports when it has no mapping). */
    public static int pageFaultFor(int tlbMissCause) {
        switch (tlbMissCause) {
            case INSTRUCTION_TLB_MISS: return INSTRUCTION_PAGE_FAULT;
            case LOAD_TLB_MISS: return LOAD_PAGE_FAULT;
            case STORE_TLB_MISS: return STORE_PAGE_FAULT;
            default: throw new IllegalArgumentException("not a TLB-miss cause: " + tlbMissCause);
        }
    }

    /** The TLB-miss cause that a software-managed TLB raises instead of a page-fault cause. */
    public static int tlbMissFor(int pageFaultCause) {
        switch (pageFaultCause) {
            case INSTRUCTION_PAGE_FAULT: return INSTRUCTION_TLB_MISS;
            case LOAD_PAGE_FAULT: return LOAD_TLB_MISS;
            case STORE_PAGE_FAULT: return STORE_TLB_MISS;
            default: throw new IllegalArgumentException("not a page-fault cause: " + pageFaultCause);
        }
    }

    /** A readable name for reports and traces. */
    public static String name(int cause) {
        switch (cause) {
            case NONE: return "none";
            case INSTRUCTION_MISALIGNED: return "instruction address misaligned";
            case INSTRUCTION_ACCESS_FAULT: return "instruction access fault";
            case ILLEGAL_INSTRUCTION: return "illegal instruction";
            case BREAKPOINT: return "breakpoint";
            case LOAD_MISALIGNED: return "load address misaligned";
            case LOAD_ACCESS_FAULT: return "load access fault";
            case STORE_MISALIGNED: return "store/AMO address misaligned";
            case STORE_ACCESS_FAULT: return "store/AMO access fault";
            case ECALL_FROM_U: return "environment call from U-mode";
            case INSTRUCTION_PAGE_FAULT: return "instruction page fault";
            case LOAD_PAGE_FAULT: return "load page fault";
            case STORE_PAGE_FAULT: return "store/AMO page fault";
            case INSTRUCTION_TLB_MISS: return "instruction TLB miss";
            case LOAD_TLB_MISS: return "load TLB miss";
            case STORE_TLB_MISS: return "store/AMO TLB miss";
            case TIMER_INTERRUPT: return "timer interrupt";
            case EXTERNAL_INTERRUPT: return "external interrupt";
            default: return "cause " + cause;
        }
    }

    /** A short key for statistics tables ("ecall", "load-page-fault"...). */
    public static String key(int cause) {
        switch (cause) {
            case ECALL_FROM_U: return "ecall";
            case TIMER_INTERRUPT: return "timer";
            case EXTERNAL_INTERRUPT: return "external";
            default: return name(cause).replace("/", "-").replace(' ', '-');
        }
    }
}
