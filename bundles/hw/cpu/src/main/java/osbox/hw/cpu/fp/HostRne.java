package osbox.hw.cpu.fp;

/**
 * The common binary64 case on the host's own arithmetic: round to nearest
 * even, finite operands of moderate size, a normal result. Java's
 * {@code + - * /}, {@link Math#sqrt} and {@link Math#fma} are IEEE 754
 * operations rounding to nearest even, so the result is the one
 * {@link ExactOps} would compute; what remains is the inexact flag, which
 * comes from an error term computed exactly (2Sum, an fma residual, or
 * Boldo and Muller's ErrFma for the fused multiply-add). That needs no
 * underflow and no overflow anywhere: operands and results must lie in
 * [2^-900, 2^900] in magnitude (zeros only where the result is then exact
 * and its sign IEEE's). Anything else answers {@link #DECLINED} and the
 * caller takes the exact path, which also raises OF, UF, NV and DZ.
 * NaN operands never reach here.
 */
final class HostRne {
    private HostRne() {
    }

    /** Not handled here: a NaN bit pattern, which no result of these methods can be. */
    static final long DECLINED = 0x7ff0_0000_dead_0001L;

    private static final double SMALL = 0x1p-900;
    private static final double LARGE = 0x1p900;

    // Whether |v| is in [2^-900, 2^900] (false for zeros, infinities and NaNs).
    private static boolean moderate(double v) {
        double m = Math.abs(v);
        return m >= SMALL && m <= LARGE;
    }

    // Whether |v| is at most 2^900 (zeros included; false for infinities and NaNs).
    private static boolean boundedOrZero(double v) {
        return v == 0 || moderate(v);
    }

    /** a + b. */
    static long add(double a, double b, FpFlags flags) {
        double s = a + b;
        // a result below 2^-900 is declined, though a tiny sum is always exact: the sign of an exact
        // zero and the UF flag are the exact path's to decide
        if (!boundedOrZero(a) || !boundedOrZero(b) || !moderate(s)) {
            return DECLINED;
        }
        double t = s - a; // 2Sum: a + b = s + error, exactly
        double error = (a - (s - t)) + (b - t);
        if (error != 0) {
            flags.bits |= FpFlags.NX;
        }
        return Double.doubleToRawLongBits(s);
    }

    /** a * b. */
    static long mul(double a, double b, FpFlags flags) {
        double p = a * b;
        if (!moderate(a) || !moderate(b) || !moderate(p)) {
            return DECLINED;
        }
        if (Math.fma(a, b, -p) != 0) { // the product's exact error
            flags.bits |= FpFlags.NX;
        }
        return Double.doubleToRawLongBits(p);
    }

    /** a / b. */
    static long div(double a, double b, FpFlags flags) {
        double q = a / b;
        if (!moderate(a) || !moderate(b) || !moderate(q)) {
            return DECLINED;
        }
        if (Math.fma(-q, b, a) != 0) { // the exact remainder a - q * b
            flags.bits |= FpFlags.NX;
        }
        return Double.doubleToRawLongBits(q);
    }

    /** The square root of a. */
    static long sqrt(double a, FpFlags flags) {
        if (a <= 0 || !moderate(a)) {
            return DECLINED;
        }
        double r = Math.sqrt(a);
        if (Math.fma(-r, r, a) != 0) { // the exact residual a - r * r
            flags.bits |= FpFlags.NX;
        }
        return Double.doubleToRawLongBits(r);
    }

    /**
     * a * b + c with one rounding. Inexact when the exact error
     * a * b + c - r, which ErrFma gives as gamma + alpha2 (both computed
     * exactly: Boldo and Muller, "Exact and approximated error of the FMA",
     * IEEE Trans. Computers 60(2), 2011), is not zero.
     */
    static long fma(double a, double b, double c, FpFlags flags) {
        double r = Math.fma(a, b, c);
        double u1 = a * b;
        if (!moderate(a) || !moderate(b) || !moderate(c) || !moderate(u1) || !moderate(r)) {
            return DECLINED;
        }
        double u2 = Math.fma(a, b, -u1);           // a * b = u1 + u2
        double alpha1 = c + u2;                    // 2Sum(c, u2) = alpha1 + alpha2
        double t = alpha1 - c;
        double alpha2 = (c - (alpha1 - t)) + (u2 - t);
        double beta1 = u1 + alpha1;                // 2Sum(u1, alpha1) = beta1 + beta2
        t = beta1 - u1;
        double beta2 = (u1 - (beta1 - t)) + (alpha1 - t);
        double gamma = (beta1 - r) + beta2;
        if (gamma != -alpha2) {
            flags.bits |= FpFlags.NX;
        }
        return Double.doubleToRawLongBits(r);
    }
}
