package osbox.kernel.core.trap;

/**
 * Which hart's trap the kernel is handling, and the kernel work charged
 * to each hart ({@link osbox.api.kernel.Kernel#chargeCpu}: a driver's PIO
 * copies, polling, interrupt handling) until that hart's clock is moved on
 * for it: at the end of the trap in progress on it, or of its next trap
 * when charged outside one (an event firing between instructions).
 * Simulation thread only.
 */
public final class CpuCharges {
    private final long[] owed;
    private int current = -1;

    /** Charges for {@code harts} harts, none owed, outside any trap. */
    public CpuCharges(int harts) {
        owed = new long[harts];
    }

    /** The trap vector entered a trap on {@code hart}. */
    public void enter(int hart) {
        current = hart;
    }

    /** The hart whose trap is being handled, -1 outside any trap. */
    public int current() {
        return current;
    }

    /** Adds {@code cycles} to what {@code hart} owes; a hart out of range or cycles below 1 are ignored. */
    public void charge(int hart, long cycles) {
        if (hart >= 0 && hart < owed.length && cycles > 0) {
            owed[hart] += cycles;
        }
    }

    /** The trap on {@code hart} ends: returns what it owes (now paid) and leaves the trap. */
    public long leave(int hart) {
        current = -1;
        long c = owed[hart];
        owed[hart] = 0;
        return c;
    }

    /** What {@code hart} owes and has not paid yet. */
    public long owed(int hart) {
        return owed[hart];
    }
}
