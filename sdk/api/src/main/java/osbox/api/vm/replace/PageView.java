package osbox.api.vm.replace;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a replacement policy sees of one resident page. Identity: equal
 * {@link #id()}s are the same resident page (the frame it occupies); an id is
 * reused only after the page was evicted or removed.
 */
@ProviderType
public interface PageView {
    /** The frame the page occupies (its physical page number). */
    long id();

    /** The owning process, or 0 for a page shared by several. */
    int pid();

    /** The virtual page number in its owner (or the lab's page number). */
    long vpn();

    /** Simulated cycle at which it became resident. */
    long loadedAt();

    /** Simulated cycle of its last access the mechanism knows of, or -1. */
    long lastAccess();

    /** Accesses the mechanism knows of since it became resident. */
    long accesses();
}
