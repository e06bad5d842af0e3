package osbox.api.hw;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One RISC-V hart running in user mode. The kernel is host code, so a hart
 * only runs user instructions: {@link #run} returns to the caller (the
 * machine, then the kernel's trap vector) on every trap.
 */
@ProviderType
public interface Hart {
    int id();

    /** This hart's MMU. */
    TranslationUnit mmu();

    /**
     * Gives the hart a register context to run, or null to idle it. Clears
     * the LR/SC reservation, as a trap return does.
     */
    void setContext(HartContext context);

    HartContext context();

    /**
     * Runs instructions until this hart's cycle counter reaches
     * {@code untilCycle} or an instruction traps. Returns
     * {@link TrapCause#NONE} when the budget ran out, else the exception
     * cause; then {@code context().pc} is the trapping instruction's address
     * and {@link #trapValue()} holds stval (faulting address or instruction
     * bits). Never throws for anything the user program does. An idle hart
     * (null context) just advances its counter.
     */
    int run(long untilCycle);

    /** stval of the last trap: the faulting address, or the illegal instruction's bits. */
    long trapValue();

    /** Cycles this hart has lived (its local time; the {@code cycle} CSR). */
    long cycle();

    /** Charges cycles spent outside user code (kernel work, idle). */
    void addCycles(long cycles);

    /** Instructions retired (the {@code instret} CSR). */
    long instret();

    /** Cycles spent idle (no context). */
    long idleCycles();

    /** Drops every decoded instruction this hart caches (after memory is reloaded). */
    void flushDecodeCache();
}
