/**
 * IEEE 754 arithmetic for the F and D extensions on raw bits (the hart's
 * f registers hold bits, NaN-boxed for single precision): every RISC-V
 * rounding mode and exception flag, canonical NaNs. Pure functions of their
 * inputs plus the flags they raise; no state, no allocation. Not exported.
 */
package osbox.hw.cpu.fp;
