/*
 * memwalk: the memory-bound benchmark program (bench/MemoryBoundBenchmark).
 * argv[1] pages (default 1024) of 4 KiB taken with malloc and touched once,
 * then argv[2] passes (default 1000); each pass loads and stores one word in
 * every page, visiting the pages in an odd-stride order (page i*97 mod
 * pages, pages a power of two), so consecutive accesses never share a page:
 * a TLB with fewer entries than the pages misses on almost every access.
 * 8 instructions per page visited (an ld and an sd of the same word: the
 * load may miss, the store then hits). Exits 0 if the final checksum is the
 * expected one (so the work is not optimised away and was done right).
 * Rebuild: make -C sdk/userland PROG=bench/src/main/resources/osbox/bench/memwalk.c
 */
#include <stdlib.h>

#define WORDS_PER_PAGE 512

int main(int argc, char **argv)
{
    long pages = argc > 1 ? strtol(argv[1], NULL, 0) : 1024L;
    long passes = argc > 2 ? strtol(argv[2], NULL, 0) : 1000L;
    if (pages <= 0 || (pages & (pages - 1)) != 0 || passes < 0)
        return 2;
    volatile long *buf = malloc(pages * 4096L);
    if (buf == NULL)
        return 3;
    for (long p = 0; p < pages; p++)
        buf[p * WORDS_PER_PAGE] = p;
    long mask = pages - 1;
    for (long k = 0; k < passes; k++) {
        for (long i = 0; i < pages; i++) {
            long p = (i * 97) & mask;
            buf[p * WORDS_PER_PAGE] += 1;
        }
    }
    long bad = 0;
    for (long p = 0; p < pages; p++)
        bad += buf[p * WORDS_PER_PAGE] != p + passes;
    return bad != 0;
}
