package osbox.hw.mmu;

import java.util.Arrays;

/**
 * A direct-mapped TLB as parallel primitive arrays, the layout the CPU's
 * fast path reads (see {@link osbox.api.hw.TranslationUnit}).
 *
 * <p>Entry {@code i} holds one 4 KiB page. {@link #tags}{@code [i]} is the
 * entry's tag, or {@link #INVALID}; the read, write and execute tag arrays
 * hold the same tag where that access is permitted and {@link #INVALID}
 * elsewhere. A tag is {@code (va >>> 12) | asidTag}: the virtual page number
 * takes bits 51..0, the ASID bits 62..52, and bit 63 marks a Bare-mode
 * (untranslated) entry, so no valid tag ever equals -1.
 */
final class DirectMappedTlb {
    static final long INVALID = -1L;
    /** Bits of a tag that name its address space: ASID field plus the Bare flag. */
    static final long SPACE_MASK = ~((1L << 52) - 1);

    final long[] tags;
    final long[] readTags;
    final long[] writeTags;
    final long[] execTags;
    final byte[][] pages;
    final long[] ppns;
    final int mask;

    /** Makes an empty TLB of {@code entries} entries; entries must be a power of two. */
    DirectMappedTlb(int entries) {
        if (entries <= 0 || Integer.bitCount(entries) != 1) {
            throw new IllegalArgumentException("TLB entries must be a positive power of two: " + entries);
        }
        tags = new long[entries];
        readTags = new long[entries];
        writeTags = new long[entries];
        execTags = new long[entries];
        pages = new byte[entries][];
        ppns = new long[entries];
        mask = entries - 1;
        clear();
    }

    /** The entry index of a virtual address. */
    int index(long va) {
        return (int) (va >>> 12) & mask;
    }

    /**
     * Installs the translation of the page of {@code va} under {@code tag},
     * replacing whatever entry held its slot. The caller decides each
     * permission; {@code page} must be the frame array of {@code ppn}.
     */
    void install(long va, long tag, long ppn, byte[] page, boolean read, boolean write, boolean exec) {
        int i = index(va);
        tags[i] = tag;
        readTags[i] = read ? tag : INVALID;
        writeTags[i] = write ? tag : INVALID;
        execTags[i] = exec ? tag : INVALID;
        pages[i] = page;
        ppns[i] = ppn;
    }

    /** Drops every entry. */
    void clear() {
        Arrays.fill(tags, INVALID);
        Arrays.fill(readTags, INVALID);
        Arrays.fill(writeTags, INVALID);
        Arrays.fill(execTags, INVALID);
        Arrays.fill(pages, null);
        Arrays.fill(ppns, 0);
    }

    /** Drops every entry whose tag's address-space bits equal {@code space}. */
    void dropSpace(long space) {
        for (int i = 0; i < tags.length; i++) {
            if (tags[i] != INVALID && (tags[i] & SPACE_MASK) == space) {
                drop(i);
            }
        }
    }

    /** Drops the entry for the page of {@code va} if it holds exactly {@code tag}. */
    void dropTag(long va, long tag) {
        int i = index(va);
        if (tags[i] == tag) {
            drop(i);
        }
    }

    /** Takes write permission away from every valid entry mapping frame {@code ppn}. */
    void revokeWrite(long ppn) {
        for (int i = 0; i < tags.length; i++) {
            if (tags[i] != INVALID && ppns[i] == ppn) {
                writeTags[i] = INVALID;
            }
        }
    }

    // Empties entry i.
    private void drop(int i) {
        tags[i] = INVALID;
        readTags[i] = INVALID;
        writeTags[i] = INVALID;
        execTags[i] = INVALID;
        pages[i] = null;
        ppns[i] = 0;
    }
}
