package osbox.hw.memory;

import java.util.Locale;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import osbox.api.hw.CodeWriteListener;
import osbox.api.hw.PhysicalMemory;

/**
 * The machine's physical memory, sized by configuration (PID {@code osbox.hw.memory},
 * {@code size.mib}) or by the framework property {@code osbox.mem} ("64M", "1G",
 * "512K", bytes), which wins when set.
 */
@Component(service = PhysicalMemory.class, configurationPid = "osbox.hw.memory")
@Designate(ocd = PhysicalMemoryComponent.Config.class)
public final class PhysicalMemoryComponent implements PhysicalMemory {

    @ObjectClassDefinition(name = "osbox physical memory")
    public @interface Config {
        @AttributeDefinition(description = "Size in MiB")
        int size_mib() default 256;
    }

    private final FrameStore store;

    @Activate
    public PhysicalMemoryComponent(Config config, BundleContext context) {
        String mem = context == null ? null : context.getProperty("osbox.mem");
        long bytes = (long) config.size_mib() << 20;
        if (mem != null && !mem.isBlank()) {
            bytes = parseSize(mem);
        }
        this.store = new FrameStore(bytes);
    }

    /** A size in bytes: a number with an optional K, M, G suffix (powers of 1024; "64M", "1G", "64MiB"). */
    static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("IB")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("B") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1);
        }
        int shift = t.endsWith("K") ? 10 : t.endsWith("M") ? 20 : t.endsWith("G") ? 30 : 0;
        if (shift > 0) {
            t = t.substring(0, t.length() - 1).trim();
        }
        try {
            long n = Long.parseLong(t);
            if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("osbox.mem: not a memory size: '" + text + "' (use e.g. 64M, 1G)");
        }
    }

    @Override public long size() { return store.size(); }
    @Override public long frameCount() { return store.frameCount(); }
    @Override public byte[] frame(long ppn) { return store.frame(ppn); }
    @Override public boolean contains(long paddr, long len) { return store.contains(paddr, len); }
    @Override public long load(long paddr, int size) { return store.load(paddr, size); }
    @Override public void store(long paddr, int size, long value) { store.store(paddr, size, value); }
    @Override public void read(long paddr, byte[] dst, int off, int len) { store.read(paddr, dst, off, len); }
    @Override public void write(long paddr, byte[] src, int off, int len) { store.write(paddr, src, off, len); }
    @Override public void zeroFrame(long ppn) { store.zeroFrame(ppn); }
    @Override public void markCode(long ppn) { store.markCode(ppn); }
    @Override public boolean isCode(long ppn) { return store.isCode(ppn); }
    @Override public void unmarkCode(long ppn) { store.unmarkCode(ppn); }
    @Override public void addCodeWriteListener(CodeWriteListener l) { store.addCodeWriteListener(l); }
    @Override public void removeCodeWriteListener(CodeWriteListener l) { store.removeCodeWriteListener(l); }
}
