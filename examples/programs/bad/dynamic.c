/* dynamic.c: a dynamically linked riscv64 Linux program (has PT_INTERP): a fixture osbox must refuse. */
#include <stdio.h>

int main(void)
{
    puts("dynamic");
    return 0;
}
