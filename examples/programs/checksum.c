/*
 * checksum: the CPU-bound benchmark. N iterations (argv[1], default 10
 * million) of a 64-bit LCG whose top bits pick a slot of a small table;
 * each step loads the slot, mixes the state into it and stores it back.
 * The table is folded into the checksum, printed in hex. The loop is 10
 * RV64 instructions per iteration (mul, add, srli, slli, add, ld, xor, sd,
 * addi, bne): the default run is about 100 million instructions.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define SLOTS 64

static uint64_t table[SLOTS];

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 0) : 10000000L;
    uint64_t x = 0x0123456789abcdefULL;
    uint64_t sum = 0xcbf29ce484222325ULL;

    for (int i = 0; i < SLOTS; i++)
        table[i] = (uint64_t)i * 0x9e3779b97f4a7c15ULL;

    for (long i = 0; i < n; i++) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        table[x >> 58] ^= x;
    }

    for (int i = 0; i < SLOTS; i++)
        sum = (sum ^ table[i]) * 0x100000001b3ULL;

    printf("checksum(%ld) = %016llx\n", n, (unsigned long long)sum);
    return 0;
}
