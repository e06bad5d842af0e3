package osbox.hw.memory;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import osbox.api.hw.CodeWriteListener;
import osbox.api.hw.MemorySize;
import osbox.api.hw.PhysicalMemory;

/**
 * The machine's physical memory, sized by configuration (PID {@code osbox.hw.memory},
 * {@code size.mib}) or by the framework property {@code osbox.mem} ("64M", "1G",
 * "512K", bytes, up to 4T: read by the API's {@link MemorySize}, the one size
 * parser), which wins when set.
 */
@Component(service = PhysicalMemory.class, configurationPid = "osbox.hw.memory")
@Designate(ocd = PhysicalMemoryComponent.Config.class)
public final class PhysicalMemoryComponent implements PhysicalMemory {

    @ObjectClassDefinition(name = "osbox physical memory")
    public @interface Config {
        @AttributeDefinition(description = "Size in MiB")
        int size_mib() default 256;
    }

    /** The framework property with the memory size (the osbox script's --mem); wins over the configuration. */
    static final String MEM_PROPERTY = "osbox.mem";

    private final FrameStore store;

    /**
     * Sizes the memory from {@code osbox.mem} when set, else from the
     * configuration. A size that is not one ({@link MemorySize#machine}: at
     * most 4T, whole pages, not 0) fails activation with a one-line
     * IllegalArgumentException naming its source, which the launcher
     * reports as a configuration error.
     */
    @Activate
    public PhysicalMemoryComponent(Config config, BundleContext context) {
        this.store = new FrameStore(bytes(context == null ? null : context.getProperty(MEM_PROPERTY),
                config.size_mib()));
    }

    /** The memory size: {@code property} when set (text as {@link MemorySize} reads it), else {@code sizeMib} MiB. */
    static long bytes(String property, int sizeMib) {
        if (property != null && !property.isBlank()) {
            try {
                return MemorySize.machine(property, false);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(MEM_PROPERTY + " " + property.trim() + ": " + e.getMessage(), e);
            }
        }
        long bytes = (long) sizeMib << 20;
        if (sizeMib <= 0 || bytes > MemorySize.MAX_MACHINE) {
            throw new IllegalArgumentException("osbox.hw.memory size.mib " + sizeMib + ": must be 1 to "
                    + (MemorySize.MAX_MACHINE >> 20));
        }
        return bytes;
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
