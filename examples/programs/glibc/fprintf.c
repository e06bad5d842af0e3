/* fprintf.c: glibc's printf of floating point, one line per case. The
 * conversions (%f %e %g %a), widths, precisions, flags, rounding of ties and
 * carries, infinities and NaNs, denormals and long double (128-bit IEEE quad
 * on riscv64, done in software by libgcc). Output is exact text, so any
 * difference from qemu-riscv64 is a difference in the FP instructions or in
 * what the kernel gave the program. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* volatile so the compiler cannot fold the conversions at build time */
static volatile double zero = 0.0;

int main(void)
{
    static const double values[] = {
        0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 1e-5, 123456.789, 1e21, 1e-300,
        3.141592653589793, 2.718281828459045, 1.0 / 3.0, 9.9999999, 0.000123456,
    };
    static const char *const formats[] = {
        "%f", "%e", "%g", "%a", "%.0f", "%.3f", "%.10e", "%.3g", "%12.4f",
        "%-12.4e|", "%+g", "% e", "%#.0f", "%#g", "%012.3f", "%.17g", "%.13a",
    };
    char buf[128];
    for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
        printf("format %s\n", formats[f]);
        for (size_t v = 0; v < sizeof values / sizeof *values; v++) {
            snprintf(buf, sizeof buf, formats[f], values[v]);
            printf("  [%s]\n", buf);
        }
    }

    /* round-half-to-even of exactly representable ties, and carries */
    static const double ties[] = { 0.125, 0.375, 2.5, 3.5, 0.5, 1.5, -0.5, 9.5, 99.5, 999.95, 0.045 };
    for (size_t i = 0; i < sizeof ties / sizeof *ties; i++)
        printf("tie %.17g: %%.0f=%.0f %%.2f=%.2f %%.1e=%.1e\n", ties[i], ties[i], ties[i], ties[i]);
    printf("carry %.2f %.0f %.3e %g\n", 9.999, 99.9, 9.9995e10, 999999.5);

    /* specials */
    double inf = 1.0 / zero, nan = zero / zero, negzero = -zero;
    printf("inf %f %e %g %a %10f|%-10F|\n", inf, -inf, inf, -inf, inf, inf);
    printf("nan %f %e %g %a %F\n", nan, nan, -nan, nan, nan);
    printf("signbit(-nan) %d, -0.0 %f %e %g %a %+.1f\n", signbit(-nan) != 0, negzero, negzero, negzero, negzero, negzero);

    /* limits and denormals */
    printf("DBL_MAX %a %.17g %e\n", DBL_MAX, DBL_MAX, DBL_MAX);
    printf("DBL_MIN %a %.17g\n", DBL_MIN, DBL_MIN);
    printf("DBL_TRUE_MIN %a %.17g %.3e\n", DBL_MIN * DBL_EPSILON, DBL_MIN * DBL_EPSILON, DBL_MIN * DBL_EPSILON);
    printf("DBL_EPSILON %a %.17g\n", DBL_EPSILON, DBL_EPSILON);
    printf("FLT_MAX %a %.9g, FLT_TRUE_MIN %a\n", (double) FLT_MAX, (double) FLT_MAX, (double) (FLT_MIN * FLT_EPSILON));
    printf("%%f of DBL_MAX has %zu characters\n", (size_t) snprintf(NULL, 0, "%f", DBL_MAX));
    printf("1e300*1e10 %g, 1e-320/1e10 %g\n", 1e300 * (1e10 + zero), 1e-320 / (1e10 + zero));

    /* long double: IEEE binary128 on riscv64 */
    long double third = 1.0L / (3.0L + zero);
    printf("long double sizeof %zu, LDBL_MANT_DIG %d\n", sizeof(long double), LDBL_MANT_DIG);
    printf("1/3 %.36Lf\n    %La\n    %Le\n", third, third, third);
    printf("LDBL_MAX %La %Lg\n", LDBL_MAX, LDBL_MAX);
    printf("LDBL_EPSILON %La\n", LDBL_EPSILON);
    printf("sqrtl(2) %.33Lg\n", sqrtl(2.0L + zero));

    /* float promoted through varargs, and a few scanf round trips */
    float ff = 16777217.0f;
    printf("float 16777217 -> %.1f, 0.1f -> %.20f\n", ff, 0.1f);
    static const char *const texts[] = { "0.1", "1e-400", "4.9406564584124654e-324", "0x1.fffffffffffffp+1023",
                                         "1.7976931348623159e308", "-0", "nan", "-inf", "2.2250738585072011e-308" };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        double d;
        int n = sscanf(texts[i], "%lf", &d);
        printf("sscanf %s -> %d %a\n", texts[i], n, d);
    }
    return 0;
}
