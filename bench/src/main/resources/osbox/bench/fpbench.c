/*
 * fpbench: the floating-point benchmark (bench/FpBenchmark). Two kernels,
 * each all double-precision hardware instructions (built for RV64GC):
 *
 *   fpbench nbody STEPS   five bodies under gravity, STEPS time steps of a
 *                         symplectic Euler integration: per pair and step
 *                         fsub, fmul, fadd, one fdiv and one fsqrt; prints
 *                         the energy before and after (to 9 decimals)
 *   fpbench dot N         N passes of a 256-element dot product in
 *                         fused multiply-adds (fmadd.d), with loads; prints
 *                         the sum
 *
 * Exits 0, or 2 for a bad argument. The output is the same under qemu.
 * Rebuild (hardware floating point, picolibc's lp64d library):
 *   make -C sdk/userland ARCH='-march=rv64gc -mabi=lp64d' \
 *       PROG=$PWD/bench/src/main/resources/osbox/bench/fpbench.c
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BODIES 5
#define DOT_LENGTH 256

struct body {
    double x, y, z, vx, vy, vz, mass;
};

/* A small made-up system: a heavy centre and four lighter bodies on rough orbits. */
static struct body bodies[BODIES] = {
    { 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 39.47 },
    { 4.84, -1.16, -0.10, 0.606, 2.81, -0.025, 0.037 },
    { 8.34, 4.12, -0.40, -1.01, 1.82, 0.008, 0.011 },
    { 12.89, -15.11, -0.22, 1.08, 0.868, -0.010, 0.0017 },
    { 15.37, -25.91, 0.17, 0.979, 0.594, -0.034, 0.0020 },
};

static double sqrt_d(double v)
{
    double r;
    __asm__("fsqrt.d %0, %1" : "=f"(r) : "f"(v));
    return r;
}

/* Kinetic plus potential energy of the system. */
static double energy(void)
{
    double e = 0.0;
    for (int i = 0; i < BODIES; i++) {
        struct body *b = &bodies[i];
        e += 0.5 * b->mass * (b->vx * b->vx + b->vy * b->vy + b->vz * b->vz);
        for (int j = i + 1; j < BODIES; j++) {
            struct body *c = &bodies[j];
            double dx = b->x - c->x, dy = b->y - c->y, dz = b->z - c->z;
            e -= b->mass * c->mass / sqrt_d(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

/* One time step of dt: velocities from every pair's pull, then positions. */
static void step(double dt)
{
    for (int i = 0; i < BODIES; i++) {
        struct body *b = &bodies[i];
        for (int j = i + 1; j < BODIES; j++) {
            struct body *c = &bodies[j];
            double dx = b->x - c->x, dy = b->y - c->y, dz = b->z - c->z;
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * sqrt_d(d2));
            b->vx -= dx * c->mass * mag;
            b->vy -= dy * c->mass * mag;
            b->vz -= dz * c->mass * mag;
            c->vx += dx * b->mass * mag;
            c->vy += dy * b->mass * mag;
            c->vz += dz * b->mass * mag;
        }
    }
    for (int i = 0; i < BODIES; i++) {
        struct body *b = &bodies[i];
        b->x += dt * b->vx;
        b->y += dt * b->vy;
        b->z += dt * b->vz;
    }
}

/* N passes over two vectors, the products summed with fmadd.d. */
static double dot(long passes)
{
    static double a[DOT_LENGTH], b[DOT_LENGTH];
    for (int i = 0; i < DOT_LENGTH; i++) {
        a[i] = 1.0 / (i + 1);
        b[i] = (double)(i % 7) - 3.0;
    }
    double sum = 0.0;
    for (long p = 0; p < passes; p++) {
        double s = 0.0;
        for (int i = 0; i < DOT_LENGTH; i++)
            __asm__("fmadd.d %0, %1, %2, %0" : "+f"(s) : "f"(a[i]), "f"(b[i]));
        sum += s;
    }
    return sum;
}

static long count(const char *arg)
{
    char *end;
    long n = strtol(arg, &end, 10);
    if (*end != '\0' || end == arg || n < 0) {
        fprintf(stderr, "fpbench: %s: not a count\n", arg);
        exit(2);
    }
    return n;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "nbody") == 0) {
        long steps = count(argv[2]);
        printf("energy before: %.9f\n", energy());
        for (long s = 0; s < steps; s++)
            step(0.01);
        printf("energy after:  %.9f\n", energy());
        return 0;
    }
    if (argc == 3 && strcmp(argv[1], "dot") == 0) {
        printf("dot: %.9f\n", dot(count(argv[2])));
        return 0;
    }
    fprintf(stderr, "usage: fpbench nbody STEPS | fpbench dot N\n");
    return 2;
}
