// fpu: the F and D extensions on the whole computer, one line per check
// (name, result bits in hex, fflags after it), compared with qemu-riscv64.
// Every arithmetic result here is exact, so the lines do not depend on
// directed rounding; NaN-boxing, fmin/fmax and compare corner cases, fclass,
// moves, conversions, the FP CSRs, FP loads and stores (compressed too),
// and that fork copies the FP state and a context switch keeps it apart.
// The program is built for RV64IMAC like the others: the FP instructions
// are inline assembly under `.option arch, +d`.
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

typedef uint64_t u64;

#define FP ".option push\n.option arch, +d\n"
#define END "\n.option pop"
#define BOX 0xffffffff00000000UL
#define S(bits) (BOX | (u64)(bits))

static u64 flags;

static void show(const char *name, u64 v) {
    printf("%-12s %016lx %02lx\n", name, (unsigned long)v, (unsigned long)flags);
}

// rd(f3) = ins f1, f2 with fflags cleared first; flags = fflags after.
#define BIN(ins, a, b) do { u64 r_; \
    asm volatile(FP "fsflags x0\nfmv.d.x f1,%2\nfmv.d.x f2,%3\n" ins " f3,f1,f2\nfmv.x.d %0,f3\nfrflags %1" END \
        : "=r"(r_), "=r"(flags) : "r"((u64)(a)), "r"((u64)(b))); show(ins, r_); } while (0)
// Integer result: rd = ins f1, f2.
#define CMP(ins, a, b) do { u64 r_; \
    asm volatile(FP "fsflags x0\nfmv.d.x f1,%2\nfmv.d.x f2,%3\n" ins " %0,f1,f2\nfrflags %1" END \
        : "=r"(r_), "=r"(flags) : "r"((u64)(a)), "r"((u64)(b))); show(ins, r_); } while (0)
// One f operand, f result.
#define UN(ins, a) do { u64 r_; \
    asm volatile(FP "fsflags x0\nfmv.d.x f1,%2\n" ins " f3,f1\nfmv.x.d %0,f3\nfrflags %1" END \
        : "=r"(r_), "=r"(flags) : "r"((u64)(a))); show(ins, r_); } while (0)
// One f operand, integer result.
#define TOX(ins, a) do { u64 r_; \
    asm volatile(FP "fsflags x0\nfmv.d.x f1,%2\n" ins " %0,f1\nfrflags %1" END \
        : "=r"(r_), "=r"(flags) : "r"((u64)(a))); show(ins, r_); } while (0)
// Integer operand, f result.
#define FROMX(ins, a) do { u64 r_; \
    asm volatile(FP "fsflags x0\n" ins " f3,%2\nfmv.x.d %0,f3\nfrflags %1" END \
        : "=r"(r_), "=r"(flags) : "r"((u64)(a))); show(ins, r_); } while (0)
// Fused: f4 = ins f1, f2, f3.
#define FMA(ins, a, b, c) do { u64 r_; \
    asm volatile(FP "fsflags x0\nfmv.d.x f1,%2\nfmv.d.x f2,%3\nfmv.d.x f3,%4\n" ins " f4,f1,f2,f3\nfmv.x.d %0,f4\nfrflags %1" END \
        : "=r"(r_), "=r"(flags) : "r"((u64)(a)), "r"((u64)(b)), "r"((u64)(c))); show(ins, r_); } while (0)

static const u64 ONE_D = 0x3ff0000000000000UL, TWO_D = 0x4000000000000000UL, THREE_D = 0x4008000000000000UL;
static const u64 QNAN_D = 0x7ffc000000000000UL, SNAN_D = 0x7ff4000000000000UL;
static const uint32_t ONE_S = 0x3f800000, QNAN_S = 0x7fe00000, SNAN_S = 0x7fa00000;

static void arithmetic(void) {
    BIN("fadd.d", 0x3ff8000000000000UL, 0x4002000000000000UL); // 1.5 + 2.25
    BIN("fsub.s", S(0x40700000), S(ONE_S)); // 3.75 - 1
    BIN("fmul.d", THREE_D, 0x3fe0000000000000UL); // 3 * 0.5
    BIN("fdiv.d", ONE_D, 0x4020000000000000UL); // 1 / 8
    UN("fsqrt.d", 0x4002000000000000UL); // sqrt 2.25
    UN("fsqrt.s", S(0x3e800000)); // sqrt 0.25
    BIN("fadd.d", SNAN_D, ONE_D); // NV, canonical NaN
    BIN("fadd.s", ONE_S, S(ONE_S)); // unboxed: the canonical NaN
    FMA("fmadd.d", TWO_D, THREE_D, ONE_D);
    FMA("fmsub.d", TWO_D, THREE_D, ONE_D);
    FMA("fnmsub.d", TWO_D, THREE_D, ONE_D);
    FMA("fnmadd.d", TWO_D, THREE_D, ONE_D);
    FMA("fmadd.s", S(0x40000000), S(0x40400000), S(ONE_S));
    FMA("fnmadd.s", S(0x40000000), S(0x40400000), S(ONE_S));
}

static void signMinMaxCompare(void) {
    BIN("fsgnj.d", 0x3ff8000000000000UL, 0xc000000000000000UL);
    BIN("fsgnjn.d", 0x3ff8000000000000UL, 0xc000000000000000UL);
    BIN("fsgnjx.s", S(0xc0800000), S(0xc0800000));
    BIN("fsgnj.s", ONE_S, S(ONE_S)); // unboxed first operand
    BIN("fmin.s", S(QNAN_S), S(ONE_S));
    BIN("fmax.s", S(ONE_S), S(SNAN_S));
    BIN("fmax.s", S(SNAN_S), S(QNAN_S));
    BIN("fmin.s", S(0), S(0x80000000));
    BIN("fmax.s", S(0x80000000), S(0));
    BIN("fmin.d", SNAN_D, ONE_D);
    BIN("fmax.d", QNAN_D, SNAN_D);
    BIN("fmin.d", 0x8000000000000000UL, 0);
    BIN("fmax.d", TWO_D, 0xc008000000000000UL);
    CMP("feq.d", QNAN_D, ONE_D);
    CMP("flt.d", QNAN_D, ONE_D);
    CMP("fle.d", ONE_D, SNAN_D);
    CMP("feq.s", S(SNAN_S), S(0));
    CMP("fle.s", S(0x80000000), S(0));
    CMP("flt.s", S(0x80000000), S(0));
    CMP("feq.d", 0x8000000000000000UL, 0);
    CMP("flt.d", ONE_D, TWO_D);
    CMP("fle.d", THREE_D, TWO_D);
}

static void classesAndMoves(void) {
    static const u64 doubles[] = {0xfff0000000000000UL, 0xbff0000000000000UL, 0x8000000000000001UL,
        0x8000000000000000UL, 0, 1, ONE_D, 0x7ff0000000000000UL, SNAN_D, QNAN_D};
    static const uint32_t singles[] = {0xff800000, 0xbf800000, 0x80000001, 0x80000000, 0, 0x007fffff, ONE_S,
        0x7f800000, SNAN_S, QNAN_S};
    for (int i = 0; i < 10; i++) {
        TOX("fclass.d", doubles[i]);
        TOX("fclass.s", S(singles[i]));
    }
    TOX("fclass.s", 0x7f800000); // unboxed: a quiet NaN
    TOX("fmv.x.w", 0x1234567880000001UL);
    TOX("fmv.x.d", 0x7ff4000080000001UL);
    FROMX("fmv.w.x", 0x12345678c0000000UL);
    FROMX("fmv.d.x", 0x7ff4000080000001UL);
}

static void conversions(void) {
    TOX("fcvt.w.d", 0xc014000000000000UL); // -5
    TOX("fcvt.wu.d", 0x41e65a0bc0000000UL); // 3e9
    TOX("fcvt.l.s", S(0x53800000)); // 2^40
    TOX("fcvt.lu.s", S(0x40c00000)); // 6
    TOX("fcvt.l.d", 0xc0f86a0000000000UL); // -100000
    TOX("fcvt.w.s", S(0xc2f60000)); // -123
    FROMX("fcvt.d.w", 0x77777777fffffffeUL);
    FROMX("fcvt.d.wu", 0x77777777fffffffeUL);
    FROMX("fcvt.s.l", (u64)-12);
    FROMX("fcvt.d.lu", 0x8000000000000000UL);
    FROMX("fcvt.s.wu", 0xffffffff00000400UL);
    FROMX("fcvt.d.l", (u64)-7);
    UN("fcvt.s.d", 0xc014000000000000UL);
    UN("fcvt.d.s", S(0x53800000));
    UN("fcvt.d.s", ONE_S); // unboxed: NaN
    UN("fcvt.s.d", SNAN_D); // NV
}

static void csrs(void) {
    u64 a, b, c, d, e;
    asm volatile(FP "li t0, 0xff\nfsflags x0, t0\nfrcsr %0\nli t0, 0xf\nfsrm x0, t0\nfrcsr %1\n"
        "li t0, 0x1ff\nfscsr %2, t0\nfsrmi %3, 2\ncsrrci %4, fcsr, 0x11\nfscsr x0" END
        : "=r"(a), "=r"(b), "=r"(c), "=r"(d), "=r"(e) : : "t0");
    flags = 0;
    show("fsflags", a);
    show("fsrm", b);
    show("fscsr", c);
    show("fsrmi", d);
    show("csrrci", e);
}

static void loadsAndStores(void) {
    static u64 mem[8] = {0x400921fb54442d18UL, 0x3ff8000000000000UL, 0xaaaaaaaa3fc00000UL, 0, 0, 0, 0, 0};
    register u64 *p asm("a1") = mem;
    asm volatile(FP "fld fa0, 0(a1)\nflw fa2, 16(a1)\nfsd fa0, 24(a1)\nfsw fa2, 32(a1)\n"
        "c.fld fa3, 8(a1)\nc.fsd fa3, 40(a1)\naddi sp, sp, -16\nc.fsdsp fa0, 8(sp)\nc.fldsp fa4, 8(sp)\n"
        "addi sp, sp, 16\nfsd fa4, 48(a1)\nfmv.x.d t0, fa2\nsd t0, 56(a1)" END
        : : "r"(p) : "t0", "memory");
    flags = 0;
    for (int i = 3; i < 8; i++) {
        show("memory", mem[i]);
    }
}

// fork copies the FP state; then the child changes its own and the parent's stays.
static void forkKeepsStateApart(void) {
    u64 before, rm;
    asm volatile(FP "fmv.d.x fs0, %0\nfsrmi x0, 1\nfsflags x0" END : : "r"(THREE_D));
    pid_t pid = fork();
    if (pid == 0) {
        asm volatile(FP "fmv.x.d %0, fs0\nfrrm %1" END : "=r"(before), "=r"(rm));
        flags = 0;
        show("child fs0", before);
        show("child frm", rm);
        fflush(stdout);
        asm volatile(FP "fmv.d.x fs0, %0\nfsrmi x0, 3\nli t0, 0x1f\nfsflags x0, t0" END : : "r"(ONE_D) : "t0");
        usleep(1000); // the parent runs meanwhile
        asm volatile(FP "fmv.x.d %0, fs0\nfrcsr %1" END : "=r"(before), "=r"(rm));
        _exit(before == ONE_D && rm == 0x7f ? 0 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    asm volatile(FP "fmv.x.d %0, fs0\nfrcsr %1\nfscsr x0" END : "=r"(before), "=r"(rm));
    flags = 0;
    show("child exit", WIFEXITED(status) ? WEXITSTATUS(status) : 100 + status);
    show("parent fs0", before);
    show("parent fcsr", rm);
}

int main(void) {
    arithmetic();
    signMinMaxCompare();
    classesAndMoves();
    conversions();
    csrs();
    loadsAndStores();
    forkKeepsStateApart();
    printf("fpu: done\n");
    return 0;
}
