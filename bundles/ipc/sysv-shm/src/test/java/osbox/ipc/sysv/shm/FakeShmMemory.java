package osbox.ipc.sysv.shm;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.memory.AddressSpace;
import osbox.api.memory.MemoryManager;
import osbox.api.memory.MemoryRegion;
import osbox.api.memory.SharedMemoryObject;

/**
 * A VM manager as small as the shm bundle needs: segments that count their
 * attachments and tell their listener, and per-pid address spaces that keep
 * a sorted map of ranges (attach top-down below MMAP_TOP, detach, fork,
 * exit). The rest of AddressSpace and MemoryManager is not there (a call
 * throws).
 */
final class FakeShmMemory {
    /** A segment: pages, attachments, the listener, released or not. */
    static final class Segment implements SharedMemoryObject {
        final long pages;
        final long handle;
        int attachments;
        AttachListener listener;
        boolean released;
        boolean freed;

        Segment(long pages, long handle) {
            this.pages = pages;
            this.handle = handle;
        }

        @Override public long pages() { return pages; }
        @Override public int attachments() { return attachments; }
        @Override public long residentPages() { return 0; }
        @Override public long swappedPages() { return 0; }
        @Override public void setListener(AttachListener l) { listener = l; }
        @Override public boolean released() { return released; }
        @Override public long handle() { return handle; }

        @Override
        public void release() {
            if (released) {
                throw new IllegalStateException("released twice");
            }
            released = true;
            freed = attachments == 0;
        }

        void attach(int pid) {
            if (freed) {
                throw new IllegalStateException("attached after it was freed");
            }
            attachments++;
            if (listener != null) {
                listener.attached(pid, attachments);
            }
        }

        void detach(int pid) {
            attachments--;
            if (listener != null) {
                listener.detached(pid, attachments);
            }
            freed = released && attachments == 0;
        }
    }

    /** One range of a space: a segment's attachment, or other memory (seg null). */
    record Range(long start, long end, Segment seg) {
    }

    /** One process's space. */
    final class Space {
        final int pid;
        final TreeMap<Long, Range> ranges = new TreeMap<>();

        Space(int pid) {
            this.pid = pid;
        }

        long attach(Segment s, long hint, boolean fixed) {
            long len = s.pages * Shm.PAGE;
            long at = hint;
            if (fixed) {
                unmap(at, len);
            } else {
                at = AddressSpace.MMAP_TOP - len;
                for (Range r : ranges.descendingMap().values()) {
                    if (r.start() < at + len && at < r.end()) {
                        at = r.start() - len;
                    }
                }
            }
            ranges.put(at, new Range(at, at + len, s));
            s.attach(pid);
            return at;
        }

        void unmap(long start, long len) {
            for (Range r : new ArrayList<>(ranges.values())) {
                if (r.start() < start + len && start < r.end()) {
                    ranges.remove(r.start());
                    if (r.seg() != null) {
                        r.seg().detach(pid);
                    }
                }
            }
        }

        SharedMemoryObject detach(long va) {
            Range r = ranges.get(va);
            if (r == null || r.seg() == null) {
                return null;
            }
            ranges.remove(va);
            r.seg().detach(pid);
            return r.seg();
        }

        /** fork: the child gets every range; each attachment counts once more (the parent's doing). */
        Space fork(int childPid) {
            Space child = space(childPid);
            for (Range r : ranges.values()) {
                child.ranges.put(r.start(), r);
                if (r.seg() != null) {
                    r.seg().attach(pid);
                }
            }
            return child;
        }

        /** exit or exec: every range goes. */
        void exit() {
            for (Range r : new ArrayList<>(ranges.values())) {
                ranges.remove(r.start());
                if (r.seg() != null) {
                    r.seg().detach(pid);
                }
            }
        }

        AddressSpace view() {
            return (AddressSpace) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AddressSpace.class},
                    (proxy, m, a) -> switch (m.getName()) {
                        case "attach" -> attach((Segment) a[0], (long) a[1], (boolean) a[3]);
                        case "detach" -> detach((long) a[0]);
                        case "memoryRegions" -> ranges.values().stream()
                                .map(r -> new MemoryRegion(MemoryRegion.Kind.ANONYMOUS, r.start(), r.end(), 3)).toList();
                        case "unmap" -> {
                            unmap((long) a[0], (long) a[1]);
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    final Map<Integer, Space> spaces = new TreeMap<>();
    final List<Segment> made = new ArrayList<>();

    /** pid's space, made empty on first use. */
    Space space(int pid) {
        return spaces.computeIfAbsent(pid, Space::new);
    }

    /** The manager: segments of 1 .. 2^31-1 pages, and the spaces by pid. */
    MemoryManager manager() {
        return (MemoryManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MemoryManager.class},
                (proxy, m, a) -> switch (m.getName()) {
                    case "createSharedMemory" -> {
                        long pages = (long) a[0];
                        if (pages <= 0 || pages > Integer.MAX_VALUE) {
                            yield null;
                        }
                        Segment s = new Segment(pages, made.size() + 1);
                        made.add(s);
                        yield s;
                    }
                    case "addressSpace" -> space((int) a[0]).view();
                    case "sharedMemory" -> {
                        long h = (long) a[0];
                        yield h >= 1 && h <= made.size() && !made.get((int) h - 1).released ? made.get((int) h - 1)
                                : null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
