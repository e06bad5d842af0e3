/* Runs RISC-V F/D instructions for osbox's QemuRecordedTest: reads records {op, rm, a, b, c} (five
   little-endian u64) on stdin, writes {result, fflags} for each. Freestanding (Linux syscalls):
   riscv64-unknown-elf-gcc -O1 -march=rv64gc -mabi=lp64d -static -nostdlib -ffreestanding -o fp qemu-fp.c
   and run it under qemu-riscv64. Op numbers: see the switch. */
typedef unsigned long u64; typedef unsigned int u32;
static long sys(long n, long a, long b, long c){ register long a0 asm("a0")=a, a1 asm("a1")=b, a2 asm("a2")=c, a7 asm("a7")=n; asm volatile("ecall":"+r"(a0):"r"(a1),"r"(a2),"r"(a7):"memory"); return a0; }
static int readall(void *p, long n){ char *c=p; while(n>0){ long k=sys(63,0,(long)c,n); if(k<=0) return 0; c+=k; n-=k;} return 1; }
struct in { u64 op, rm, a, b, c; }; struct out { u64 r, f; };
typedef union { u64 u; double d; } DU; typedef union { u32 u; float f; } SU;
static double D(u64 x){ DU v; v.u=x; return v.d; } static float S(u64 x){ SU v; v.u=(u32)x; return v.f; }
static u64 UD(double d){ DU v; v.d=d; return v.u; } static u64 US(float f){ SU v; v.f=f; return v.u; }
void _start(void){
  struct in q; struct out o;
  while (readall(&q, sizeof q)) {
    double x; float y; long l; u64 a=q.a,b=q.b,c=q.c; u64 r=0;
    asm volatile("fsrm %0"::"r"(q.rm)); asm volatile("fsflags x0");
    switch (q.op) {
    case 0: asm volatile("fadd.d %0,%1,%2":"=f"(x):"f"(D(a)),"f"(D(b))); r=UD(x); break;
    case 1: asm volatile("fsub.d %0,%1,%2":"=f"(x):"f"(D(a)),"f"(D(b))); r=UD(x); break;
    case 2: asm volatile("fmul.d %0,%1,%2":"=f"(x):"f"(D(a)),"f"(D(b))); r=UD(x); break;
    case 3: asm volatile("fdiv.d %0,%1,%2":"=f"(x):"f"(D(a)),"f"(D(b))); r=UD(x); break;
    case 4: asm volatile("fsqrt.d %0,%1":"=f"(x):"f"(D(a))); r=UD(x); break;
    case 5: asm volatile("fmadd.d %0,%1,%2,%3":"=f"(x):"f"(D(a)),"f"(D(b)),"f"(D(c))); r=UD(x); break;
    case 10: asm volatile("fadd.s %0,%1,%2":"=f"(y):"f"(S(a)),"f"(S(b))); r=US(y); break;
    case 11: asm volatile("fsub.s %0,%1,%2":"=f"(y):"f"(S(a)),"f"(S(b))); r=US(y); break;
    case 12: asm volatile("fmul.s %0,%1,%2":"=f"(y):"f"(S(a)),"f"(S(b))); r=US(y); break;
    case 13: asm volatile("fdiv.s %0,%1,%2":"=f"(y):"f"(S(a)),"f"(S(b))); r=US(y); break;
    case 14: asm volatile("fsqrt.s %0,%1":"=f"(y):"f"(S(a))); r=US(y); break;
    case 15: asm volatile("fmadd.s %0,%1,%2,%3":"=f"(y):"f"(S(a)),"f"(S(b)),"f"(S(c))); r=US(y); break;
    case 20: asm volatile("fcvt.w.d %0,%1":"=r"(l):"f"(D(a))); r=l; break;
    case 21: asm volatile("fcvt.wu.d %0,%1":"=r"(l):"f"(D(a))); r=l; break;
    case 22: asm volatile("fcvt.l.d %0,%1":"=r"(l):"f"(D(a))); r=l; break;
    case 23: asm volatile("fcvt.lu.d %0,%1":"=r"(l):"f"(D(a))); r=l; break;
    case 24: asm volatile("fcvt.w.s %0,%1":"=r"(l):"f"(S(a))); r=l; break;
    case 25: asm volatile("fcvt.wu.s %0,%1":"=r"(l):"f"(S(a))); r=l; break;
    case 26: asm volatile("fcvt.l.s %0,%1":"=r"(l):"f"(S(a))); r=l; break;
    case 27: asm volatile("fcvt.lu.s %0,%1":"=r"(l):"f"(S(a))); r=l; break;
    case 30: asm volatile("fcvt.s.d %0,%1":"=f"(y):"f"(D(a))); r=US(y); break;
    case 31: asm volatile("fcvt.d.s %0,%1":"=f"(x):"f"(S(a))); r=UD(x); break;
    case 32: asm volatile("fcvt.d.l %0,%1":"=f"(x):"r"(a)); r=UD(x); break;
    case 33: asm volatile("fcvt.d.lu %0,%1":"=f"(x):"r"(a)); r=UD(x); break;
    case 34: asm volatile("fcvt.s.l %0,%1":"=f"(y):"r"(a)); r=US(y); break;
    case 35: asm volatile("fcvt.s.lu %0,%1":"=f"(y):"r"(a)); r=US(y); break;
    default: r = 0xdeadbeef;
    }
    u64 f; asm volatile("frflags %0":"=r"(f));
    o.r=r; o.f=f; sys(64,1,(long)&o,sizeof o);
  }
  sys(93,0,0,0);
}
