package osbox.hw.mmu;

import java.util.Arrays;

/**
 * A set-associative TLB with LRU replacement, as parallel primitive arrays
 * in the layout the CPU's fast path reads (see
 * {@link osbox.api.hw.TranslationUnit}). Direct-mapped is one way, fully
 * associative is one set.
 *
 * <p>Entry {@code w * sets + s} is way {@code w} of set {@code s}; a page's
 * set is {@code (va >>> 12) & (sets - 1)}. Within a set the ways are kept in
 * recency order, way 0 most recently used and way {@code ways - 1} least:
 * the CPU checks way 0 only (index {@code vpn & mask}, one compare), and
 * every lookup that has to search the set moves what it found to way 0,
 * shifting the more recent ways down by one. So the fast path never needs
 * to update LRU state (its hits are on the MRU way already) and replacement
 * is true LRU. The cost of a search is linear in the ways: a fully
 * associative TLB of n entries compares up to n tags and moves up to n
 * entries per slow-path lookup, but a fast-path hit still costs one compare.
 *
 * <p>{@link #tags}{@code [i]} is the entry's tag, or {@link #INVALID}; the
 * read, write and execute tag arrays hold the same tag where that access is
 * permitted and {@link #INVALID} elsewhere. A tag is
 * {@code (va >>> 12) | asidTag}: the virtual page number takes bits 51..0,
 * the ASID bits 62..52, and bit 63 marks a Bare-mode (untranslated) entry,
 * so no valid tag ever equals -1. {@link #writeGranted}{@code [i]} remembers
 * that write permission was granted even when the write tag is withheld (the
 * frame holds code), so a software-managed TLB can restore it on the first
 * write without asking the kernel again.
 */
final class SetAssociativeTlb {
    static final long INVALID = -1L;
    /** Bits of a tag that name its address space: ASID field plus the Bare flag. */
    static final long SPACE_MASK = ~((1L << 52) - 1);

    final long[] tags;
    final long[] readTags;
    final long[] writeTags;
    final long[] execTags;
    final byte[][] pages;
    final long[] ppns;
    final boolean[] writeGranted;
    /** Sets minus one: the fast path's index mask. */
    final int mask;
    final int sets;
    final int ways;

    /** Makes an empty TLB of {@code entries} entries in sets of {@code ways}; both powers of two, ways <= entries. */
    SetAssociativeTlb(int entries, int ways) {
        if (entries <= 0 || Integer.bitCount(entries) != 1) {
            throw new IllegalArgumentException("TLB entries must be a positive power of two: " + entries);
        }
        if (ways <= 0 || Integer.bitCount(ways) != 1 || ways > entries) {
            throw new IllegalArgumentException("TLB ways must be a power of two from 1 to " + entries + ": " + ways);
        }
        tags = new long[entries];
        readTags = new long[entries];
        writeTags = new long[entries];
        execTags = new long[entries];
        pages = new byte[entries][];
        ppns = new long[entries];
        writeGranted = new boolean[entries];
        this.ways = ways;
        this.sets = entries / ways;
        this.mask = sets - 1;
        clear();
    }

    /** The set (and way-0 entry index) of a virtual address. */
    int set(long va) {
        return (int) (va >>> 12) & mask;
    }

    /** The way of {@code va}'s set that holds {@code tag}, or -1. */
    int findWay(long va, long tag) {
        int s = set(va);
        for (int w = 0, i = s; w < ways; w++, i += sets) {
            if (tags[i] == tag) {
                return w;
            }
        }
        return -1;
    }

    /**
     * Makes way {@code way} of set {@code s} the most recently used: moves it
     * to way 0 and shifts ways 0..way-1 down by one. Returns the way-0 index.
     */
    int promote(int s, int way) {
        if (way == 0) {
            return s;
        }
        int from = way * sets + s;
        long tag = tags[from];
        long r = readTags[from];
        long wt = writeTags[from];
        long x = execTags[from];
        byte[] page = pages[from];
        long ppn = ppns[from];
        boolean granted = writeGranted[from];
        if (sets == 1) {                                // fully associative: the set is contiguous
            System.arraycopy(tags, 0, tags, 1, way);
            System.arraycopy(readTags, 0, readTags, 1, way);
            System.arraycopy(writeTags, 0, writeTags, 1, way);
            System.arraycopy(execTags, 0, execTags, 1, way);
            System.arraycopy(pages, 0, pages, 1, way);
            System.arraycopy(ppns, 0, ppns, 1, way);
            System.arraycopy(writeGranted, 0, writeGranted, 1, way);
        } else {
            for (int i = from; i > s; i -= sets) {
                int j = i - sets;
                tags[i] = tags[j];
                readTags[i] = readTags[j];
                writeTags[i] = writeTags[j];
                execTags[i] = execTags[j];
                pages[i] = pages[j];
                ppns[i] = ppns[j];
                writeGranted[i] = writeGranted[j];
            }
        }
        tags[s] = tag;
        readTags[s] = r;
        writeTags[s] = wt;
        execTags[s] = x;
        pages[s] = page;
        ppns[s] = ppn;
        writeGranted[s] = granted;
        return s;
    }

    /**
     * Installs the translation of the page of {@code va} under {@code tag} in
     * way 0 of its set: it replaces the entry holding the same tag if there
     * is one, else the first empty way, else the least recently used way.
     * The caller decides each permission: {@code write} installs the write
     * tag, {@code granted} records that write is permitted (the write tag may
     * be withheld for a code frame). {@code page} must be the frame array of
     * {@code ppn}. Returns true if a valid entry of another page was evicted.
     */
    boolean install(long va, long tag, long ppn, byte[] page, boolean read, boolean write, boolean exec,
            boolean granted) {
        int s = set(va);
        int victim = -1;
        boolean evicts = false;
        for (int w = 0, i = s; w < ways; w++, i += sets) {
            if (tags[i] == tag) {
                victim = w;
                break;
            }
            if (victim < 0 && tags[i] == INVALID) {
                victim = w;                             // keep looking: the same tag further on must be replaced
            }
        }
        if (victim < 0) {
            victim = ways - 1;
            evicts = true;
        }
        int i = promote(s, victim);
        tags[i] = tag;
        readTags[i] = read ? tag : INVALID;
        writeTags[i] = write ? tag : INVALID;
        execTags[i] = exec ? tag : INVALID;
        pages[i] = page;
        ppns[i] = ppn;
        writeGranted[i] = granted;
        return evicts;
    }

    /** Drops every entry. */
    void clear() {
        Arrays.fill(tags, INVALID);
        Arrays.fill(readTags, INVALID);
        Arrays.fill(writeTags, INVALID);
        Arrays.fill(execTags, INVALID);
        Arrays.fill(pages, null);
        Arrays.fill(ppns, 0);
        Arrays.fill(writeGranted, false);
    }

    /** Drops every entry whose tag's address-space bits equal {@code space}. */
    void dropSpace(long space) {
        for (int i = 0; i < tags.length; i++) {
            if (tags[i] != INVALID && (tags[i] & SPACE_MASK) == space) {
                drop(i);
            }
        }
    }

    /** Drops every entry whose tag is not a Bare-mode tag (bit 63 clear). */
    void dropTranslated() {
        for (int i = 0; i < tags.length; i++) {
            if (tags[i] != INVALID && tags[i] >= 0) {
                drop(i);
            }
        }
    }

    /** Drops the entry for the page of {@code va} if its set holds exactly {@code tag}. */
    void dropTag(long va, long tag) {
        int w = findWay(va, tag);
        if (w >= 0) {
            drop(w * sets + set(va));
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

    /** Valid entries (for tests and reports). */
    int valid() {
        int n = 0;
        for (long t : tags) {
            if (t != INVALID) {
                n++;
            }
        }
        return n;
    }

    // Empties entry i.
    private void drop(int i) {
        tags[i] = INVALID;
        readTags[i] = INVALID;
        writeTags[i] = INVALID;
        execTags[i] = INVALID;
        pages[i] = null;
        ppns[i] = 0;
        writeGranted[i] = false;
    }
}
