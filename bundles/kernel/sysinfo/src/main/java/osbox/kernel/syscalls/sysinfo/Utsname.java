package osbox.kernel.syscalls.sysinfo;

/** The struct utsname osbox reports: six fields of 65 bytes. */
final class Utsname {
    static final int FIELD = 65;

    private Utsname() {
    }

    /** sysname, nodename, release, version, machine, domainname. */
    static String[] fields() {
        return new String[] {"Linux", "osbox", "6.1.0-osbox", "#1 SMP osbox", "riscv64", "(none)"};
    }
}
