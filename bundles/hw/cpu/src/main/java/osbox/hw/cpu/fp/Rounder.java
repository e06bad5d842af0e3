package osbox.hw.cpu.fp;

/**
 * Correct rounding of an exactly known value to a binary format with a
 * RISC-V rounding mode, raising NX, UF (tininess after rounding, only when
 * inexact) and OF. Every exact operation ends here, so this is the one place
 * that knows the rounding rules.
 */
final class Rounder {
    private Rounder() {
    }

    /** {@code rm} itself; throws unless it is a static mode (the hart resolves DYN first). */
    static int checkedMode(int rm) {
        if (!RoundingMode.isStatic(rm)) {
            throw new IllegalArgumentException("osbox: fp: rounding mode " + rm + " is not static (0 to 4)");
        }
        return rm;
    }

    /**
     * The format's bits for (-1)^negative * (mag + s) * 2^exp rounded with
     * {@code rm}, where s is 0 when {@code sticky} is false and otherwise
     * some unknown value strictly between 0 and 1. Expects mag > 0 and, when
     * sticky, at least precision + 2 significant bits in mag (so the sticky
     * part lies below the rounding and half bits).
     */
    static long round(boolean negative, long mag, int exp, boolean sticky, FpFormat f, int rm, FpFlags flags) {
        int width = 64 - Long.numberOfLeadingZeros(mag);
        int p = f.precision;
        if (mag <= 0 || (sticky && width < p + 2)) {
            throw new IllegalArgumentException("osbox: fp: cannot round " + mag + (sticky ? "+sticky" : "")
                    + ": need a positive magnitude, of at least " + (p + 2) + " bits when sticky");
        }
        int lead = exp + width - 1;
        int lsb = Math.max(lead - p + 1, f.emin - p + 1);
        int drop = lsb - exp;
        long kept = shiftRound(mag, drop, sticky, negative, rm);
        boolean inexact = dropsBits(mag, drop, sticky);
        if (kept == 1L << p) {
            kept >>>= 1;
            lsb++;
        }
        long sign = f.zero(negative);
        if (kept >= 1L << (p - 1) && lsb + p - 1 > f.emax) {
            flags.bits |= FpFlags.OF | FpFlags.NX;
            return sign | (overflowsToInfinity(negative, rm) ? f.infBits : f.maxBits);
        }
        if (inexact) {
            flags.bits |= FpFlags.NX;
            if (lead < f.emin && tinyAfterRounding(negative, mag, exp, sticky, lead, f, rm)) {
                flags.bits |= FpFlags.UF;
            }
        }
        if (kept < 1L << (p - 1)) {
            return sign | kept; // subnormal or zero: the exponent field is 0
        }
        return sign | (((long) (lsb + p - 1 + f.emax - 1) << (p - 1)) + kept);
    }

    // Whether the value, rounded to the precision with an unbounded exponent
    // range, lies below 2^emin (IEEE 754's tininess after rounding). Called
    // only for values whose leading bit lies below emin.
    private static boolean tinyAfterRounding(boolean negative, long mag, int exp, boolean sticky, int lead,
            FpFormat f, int rm) {
        int drop = lead - f.precision + 1 - exp;
        long kept = shiftRound(mag, drop, sticky, negative, rm);
        return !(lead == f.emin - 1 && kept == 1L << f.precision);
    }

    /**
     * mag (plus the sticky fraction) shifted right by {@code drop} bits and
     * rounded with {@code rm} for a value of the given sign; a shift left
     * when drop <= 0 (then nothing is lost). Expects mag >= 0.
     */
    static long shiftRound(long mag, int drop, boolean sticky, boolean negative, int rm) {
        if (drop <= 0) {
            return mag << -drop;
        }
        long kept = drop >= 64 ? 0 : mag >>> drop;
        boolean half = drop <= 64 && ((mag >>> (drop - 1)) & 1) != 0;
        boolean rest = sticky || (drop - 1 >= 63 ? mag != 0 : (mag & ((1L << (drop - 1)) - 1)) != 0);
        return kept + (roundsAway(half, rest, (kept & 1) != 0, negative, rm) ? 1 : 0);
    }

    /** Whether shifting mag right by {@code drop} bits loses anything (sticky counts). */
    static boolean dropsBits(long mag, int drop, boolean sticky) {
        if (drop <= 0) {
            return sticky;
        }
        return sticky || (drop >= 63 ? mag != 0 : (mag & ((1L << drop) - 1)) != 0);
    }

    // Whether the magnitude is incremented: half is the first dropped bit,
    // rest whether anything below it is nonzero, odd the kept low bit.
    private static boolean roundsAway(boolean half, boolean rest, boolean odd, boolean negative, int rm) {
        switch (checkedMode(rm)) {
        case RoundingMode.RNE:
            return half && (rest || odd);
        case RoundingMode.RTZ:
            return false;
        case RoundingMode.RDN:
            return negative && (half || rest);
        case RoundingMode.RUP:
            return !negative && (half || rest);
        default: // RMM
            return half;
        }
    }

    // IEEE 754 7.4: RNE and RMM carry an overflow to infinity, the directed
    // modes to infinity only in their own direction, else to the largest finite value.
    private static boolean overflowsToInfinity(boolean negative, int rm) {
        switch (rm) {
        case RoundingMode.RTZ:
            return false;
        case RoundingMode.RDN:
            return negative;
        case RoundingMode.RUP:
            return !negative;
        default:
            return true;
        }
    }
}
