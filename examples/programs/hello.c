/* hello: greets, then prints argc and every argument on its own line. */
#include <stdio.h>

int main(int argc, char **argv)
{
    printf("Hello from osbox!\n");
    printf("argc = %d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d] = %s\n", i, argv[i]);
    return 0;
}
