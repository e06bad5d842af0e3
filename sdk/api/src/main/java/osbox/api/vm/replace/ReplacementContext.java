package osbox.api.vm.replace;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the mechanism offers a replacement policy: time, deterministic
 * randomness, and the hardware's reference and dirty bits, read and cleared
 * through the mechanism (a policy never touches page tables itself).
 */
@ProviderType
public interface ReplacementContext {
    /** Simulated time now, in cycles. */
    long now();

    /** A deterministic pseudo-random number in [0, bound). */
    long random(long bound);

    /** The page's reference (A) bit: accessed since last cleared. */
    boolean referenced(PageView page);

    /** Clears the page's reference bit (and drops its TLB entries, so the next access sets it again). */
    void clearReferenced(PageView page);

    /** The page's dirty (D) bit: written since it was loaded (evicting it costs a page-out). */
    boolean dirty(PageView page);

    /**
     * When the page will next be accessed, if the mechanism knows the future
     * (the lab replaying a reference string, for OPT): a position or cycle,
     * Long.MAX_VALUE for never again; -1 when unknown (a live machine).
     */
    long nextAccess(PageView page);
}
