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

    public static final int INTERRUPT = 1 << 30;
    public static final int TIMER_INTERRUPT = INTERRUPT | 5;
    public static final int EXTERNAL_INTERRUPT = INTERRUPT | 9;

    /** Size of a table indexed by exception cause. */
    public static final int EXCEPTION_COUNT = 16;

    private TrapCause() {
    }

    public static boolean isInterrupt(int cause) {
        return cause >= 0 && (cause & INTERRUPT) != 0;
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
