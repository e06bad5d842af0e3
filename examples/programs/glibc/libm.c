/* libm.c: glibc's libm on the F and D extensions, exact bits. Each line is
 * a function, its argument(s) and the result in %a (every bit shown), so a
 * comparison with qemu-riscv64 is exact: sqrt (fsqrt.d), fma (fmadd.d), the
 * correctly rounded and table-driven functions (sin, cos, tan, exp, log,
 * pow, atan2, ...), on ordinary values, subnormals, signed zeros, huge
 * arguments (sin's argument reduction), infinities and NaNs; then the
 * float (f-suffixed) versions and the rounding functions under each of the
 * four fesetround modes, and the exception flags the operations raise. */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>

static volatile double zero = 0.0;

typedef double (*unary)(double);
typedef double (*binary)(double, double);

struct unary_fn { const char *name; unary fn; };
struct binary_fn { const char *name; binary fn; };

static const struct unary_fn unaries[] = {
    { "sqrt", sqrt }, { "sin", sin }, { "cos", cos }, { "tan", tan }, { "exp", exp },
    { "exp2", exp2 }, { "expm1", expm1 }, { "log", log }, { "log2", log2 }, { "log10", log10 },
    { "log1p", log1p }, { "cbrt", cbrt }, { "atan", atan }, { "asin", asin }, { "sinh", sinh },
    { "tanh", tanh }, { "erf", erf }, { "lgamma", lgamma }, { "tgamma", tgamma },
};
static const struct binary_fn binaries[] = {
    { "pow", pow }, { "atan2", atan2 }, { "hypot", hypot }, { "fmod", fmod },
    { "remainder", remainder }, { "fmin", fmin }, { "fmax", fmax }, { "nextafter", nextafter },
};

int main(void)
{
    double inf = 1.0 / zero, nan = zero / zero;
    double sub = DBL_MIN / 3.0;                 /* a subnormal */
    const double args[] = {
        0.0, -zero, 1.0, -1.0, 0.5, 2.0, 10.0, 0.1, 3.141592653589793, 1e-10, 700.0, 710.0, -745.5,
        1e22, 1e300, 0x1p1023, sub, DBL_MIN, -sub, inf, -inf, nan,
    };
    const int nargs = sizeof args / sizeof *args;

    for (size_t f = 0; f < sizeof unaries / sizeof *unaries; f++)
        for (int i = 0; i < nargs; i++)
            printf("%s(%a) = %a\n", unaries[f].name, args[i], unaries[f].fn(args[i]));

    const double pairs[][2] = {
        { 2.0, 10.0 }, { 2.0, 0.5 }, { -8.0, 1.0 / 3.0 }, { 10.0, -310.0 }, { 1.0000001, 1e9 }, { -2.0, 3.0 },
        { 0.0, -1.0 }, { -zero, -3.0 }, { 1.0, nan }, { nan, 0.0 }, { inf, -0.5 }, { -inf, 3.0 },
        { 3.0, -2.0 }, { 1e308, 1e308 }, { sub, 2.0 }, { 5.5, 1.5 }, { -zero, zero }, { 1.0, 2.0 },
    };
    for (size_t f = 0; f < sizeof binaries / sizeof *binaries; f++)
        for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
            printf("%s(%a, %a) = %a\n", binaries[f].name, pairs[i][0], pairs[i][1],
                   binaries[f].fn(pairs[i][0], pairs[i][1]));

    /* fma: one rounding only */
    const double fmas[][3] = {
        { 0x1.0000000000001p0, 0x1.0000000000001p0, -0x1.0000000000002p0 },
        { 1e308, 10.0, -1e308 }, { 0.1, 10.0, -1.0 }, { inf, zero, 1.0 }, { -zero, zero, -zero },
        { sub, sub, DBL_MIN }, { 2.0, 3.0, nan }, { DBL_MAX, 2.0, -DBL_MAX },
    };
    for (size_t i = 0; i < sizeof fmas / sizeof *fmas; i++)
        printf("fma(%a, %a, %a) = %a\n", fmas[i][0], fmas[i][1], fmas[i][2], fma(fmas[i][0], fmas[i][1], fmas[i][2]));

    /* float versions */
    const float fargs[] = { 0.0f, 1.0f, 0.1f, 100.0f, 1e30f, FLT_MIN / 4, -2.5f };
    for (size_t i = 0; i < sizeof fargs / sizeof *fargs; i++)
        printf("f(%a): sqrtf %a sinf %a expf %a logf %a powf(x,1.5) %a fmaf(x,x,-1) %a\n", (double) fargs[i],
               (double) sqrtf(fargs[i]), (double) sinf(fargs[i]), (double) expf(fargs[i]), (double) logf(fargs[i]),
               (double) powf(fargs[i], 1.5f), (double) fmaf(fargs[i], fargs[i], -1.0f));

    /* rounding modes: the rounding functions and an inexact division */
    static const int modes[] = { FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO };
    static const char *const mode_names[] = { "nearest", "downward", "upward", "towardzero" };
    const double r[] = { 2.5, -2.5, 3.5, -0.4, 1e16 + 1 };
    for (int m = 0; m < 4; m++) {
        fesetround(modes[m]);
        printf("%s (fegetround %s):", mode_names[m], fegetround() == modes[m] ? "ok" : "WRONG");
        for (size_t i = 0; i < sizeof r / sizeof *r; i++)
            printf(" rint(%g)=%g nearbyint=%g lrint=%ld", r[i], rint(r[i]), nearbyint(r[i]), lrint(r[i]));
        printf(" 1/3=%a -1/3=%a sqrt(2)=%a\n", 1.0 / (3.0 + zero), -1.0 / (3.0 + zero), sqrt(2.0 + zero));
    }
    fesetround(FE_TONEAREST);
    printf("round/trunc/floor/ceil(-2.5) %g %g %g %g, llround(2.5) %lld\n", round(-2.5 + zero), trunc(-2.5 + zero),
           floor(-2.5 + zero), ceil(-2.5 + zero), llround(2.5 + zero));

    /* exception flags */
    struct { const char *what; int raised; } flags[5];
    feclearexcept(FE_ALL_EXCEPT); volatile double v = 1.0 / zero;
    flags[0].what = "1/0"; flags[0].raised = fetestexcept(FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT); v = zero / zero;
    flags[1].what = "0/0"; flags[1].raised = fetestexcept(FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT); v = DBL_MAX * (2.0 + zero);
    flags[2].what = "DBL_MAX*2"; flags[2].raised = fetestexcept(FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT); v = DBL_MIN / (3.0 + zero);
    flags[3].what = "DBL_MIN/3"; flags[3].raised = fetestexcept(FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT); v = sqrt(-1.0 + zero);
    flags[4].what = "sqrt(-1)"; flags[4].raised = fetestexcept(FE_ALL_EXCEPT);
    (void) v;
    for (int i = 0; i < 5; i++)
        printf("%s raises%s%s%s%s%s\n", flags[i].what, flags[i].raised & FE_INVALID ? " invalid" : "",
               flags[i].raised & FE_DIVBYZERO ? " divbyzero" : "", flags[i].raised & FE_OVERFLOW ? " overflow" : "",
               flags[i].raised & FE_UNDERFLOW ? " underflow" : "", flags[i].raised & FE_INEXACT ? " inexact" : "");
    return 0;
}
