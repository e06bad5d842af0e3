package osbox.kernel.core.futex;

/**
 * Which futex a user address names (Linux's futex_key). A private futex
 * (FUTEX_PRIVATE_FLAG) is keyed by its address space and virtual address,
 * so only threads of one process meet on it; a shared one by the physical
 * address of the word, so processes mapping the same MAP_SHARED page meet
 * whatever address each maps it at.
 *
 * @param space   the address space of a private futex (compared by identity), or null for a shared one
 * @param address the virtual address (private) or the physical address (shared) of the 32-bit word
 */
public record FutexKey(Object space, long address) {
    @Override
    public boolean equals(Object o) {
        return o instanceof FutexKey k && k.space == space && k.address == address;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(address) * 31 + System.identityHashCode(space);
    }
}
