/* cat: copies stdin to stdout with raw read/write until end of file. */
#include "osbox.h"

int main(void)
{
    char buf[512];
    for (;;) {
        long n = osbox_read(0, buf, sizeof buf);
        if (n == 0)
            return 0;
        if (n < 0)
            return 1;
        for (long done = 0; done < n;) {
            long w = osbox_write(1, buf + done, (size_t)(n - done));
            if (w <= 0)
                return 1;
            done += w;
        }
    }
}
