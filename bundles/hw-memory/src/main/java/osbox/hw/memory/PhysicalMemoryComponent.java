package osbox.hw.memory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import osbox.api.hw.CodeWriteListener;
import osbox.api.hw.PhysicalMemory;

/** The machine's physical memory, sized by configuration (PID {@code osbox.hw.memory}). */
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
    public PhysicalMemoryComponent(Config config) {
        this.store = new FrameStore((long) config.size_mib() << 20);
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
