/* jmp.c: setjmp and longjmp in glibc: a jump out of nested calls, nested
 * jump buffers (an inner handler that passes the error on to an outer one),
 * volatile locals that keep what was stored after setjmp, the value 0
 * turned into 1, callee-saved integer and FP registers (s0-s11, fs0-fs11)
 * restored, and a loop made of longjmp. (sigsetjmp and siglongjmp with the
 * signal mask are in sigtorture.c.) */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

static jmp_buf outer, inner;
static int depth_reached;

/* recurses to depth n, then jumps to env with value v */
static void __attribute__((noinline)) dive(jmp_buf env, int n, int v)
{
    volatile char pad[64];
    if (n < 0)
        return;
    memset((char *) pad, n, sizeof pad);
    depth_reached = n;
    if (n == 0)
        longjmp(env, v);
    dive(env, n - 1, v);
    printf("not reached %d\n", pad[0]);
}

/* an inner "try": catches 1, passes anything else to the outer buffer */
static int __attribute__((noinline)) guarded(int error)
{
    int code = setjmp(inner);
    if (code == 0) {
        dive(inner, 5, error);
        return -1;
    }
    if (code == 1)
        return 100 + code;                      /* handled here */
    printf("  inner passes %d outward\n", code);
    longjmp(outer, code);
}

/* many live values in callee-saved registers across setjmp and longjmp */
static double __attribute__((noinline)) keeps_registers(void)
{
    jmp_buf env;
    volatile int round = 0;
    register long a = 11, b = 22, c = 33, d = 44, e = 55, f = 66;
    register double x = 1.25, y = 2.5, z = 3.75;
    if (setjmp(env) < 3) {
        round++;
        a += 1; x *= 2;                          /* may be lost: not volatile, not relied on */
        if (round < 3)
            longjmp(env, round + 0);
    }
    (void) a;
    return (double) (b + c + d + e + f) + y + z;
}

int main(void)
{
    /* 1. longjmp out of a deep call, volatile local changed after setjmp */
    volatile int counter = 0;
    int r = setjmp(outer);
    counter++;
    printf("setjmp returned %d, counter %d\n", r, counter);
    if (r == 0)
        dive(outer, 20, 42);
    printf("depth reached %d\n", depth_reached);

    /* 2. longjmp(env, 0) makes setjmp return 1 */
    volatile int seen_zero = 0;
    r = setjmp(outer);
    if (r == 0 && !seen_zero) {
        seen_zero = 1;
        longjmp(outer, 0);
    }
    printf("longjmp(env, 0) gives %d\n", r);

    /* 3. nested: the inner handler takes 1, passes 7 to the outer */
    printf("guarded(1) = %d\n", guarded(1));
    r = setjmp(outer);
    if (r == 0)
        printf("guarded(7) = %d (not reached)\n", guarded(7));
    else
        printf("outer caught %d\n", r);

    /* 4. a loop built from longjmp, with volatile state */
    jmp_buf loop;
    volatile int i = 0;
    volatile long sum = 0;
    if (setjmp(loop) < 1000) {
        sum += i;
        i++;
        if (i < 1000)
            longjmp(loop, i);
    }
    printf("longjmp loop: i %d sum %ld\n", i, sum);

    /* 5. callee-saved registers */
    printf("registers kept: %g\n", keeps_registers());

    return 0;
}
