package osbox.block.component;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.BlockDevice;
import osbox.api.hw.DmaEngine;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Machine;
import osbox.api.hw.PhysicalMemory;
import osbox.api.io.BlockIo;
import osbox.api.io.BlockLayer;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.api.kernel.InterruptHandler;
import osbox.api.kernel.Kernel;
import osbox.api.memory.MemoryManager;
import osbox.block.DriverContext;
import osbox.block.RequestEvents;
import osbox.block.driver.DiskDriver;
import osbox.block.driver.DriverConfig;
import osbox.block.driver.settings.DriverSettings;
import osbox.block.queue.BlockLayerCore;
import osbox.kernel.support.Whiteboard;
import osbox.kernel.support.WhiteboardKind;

/**
 * The block layer as a service: the {@link BlockLayer} over a
 * {@link BlockLayerCore}, one request queue and one driver per disk. Its
 * whiteboard takes the disks ({@link BlockDevice} services, numbered by
 * name: vda 0, vdb 1, ...), the I/O-scheduler providers (named by
 * {@value IoSchedulingPolicyProvider#NAME}) and the request-event
 * listeners (the statistics), each bound at a safe point. It is the
 * drivers' {@link DriverContext}: the machine's clock, event queue and
 * memory, the DMA engine when there is one, the VM manager's kernel frames,
 * the kernel's CPU accounting, and interrupts (an {@link InterruptHandler}
 * service per source, which the kernel calls when it claims one). The
 * slot's control is {@link IoSchedulingControl}. Built through its
 * constructor alone (the harness can), the framework's bundle context is
 * looked up when there is one.
 */
@Component(service = {BlockLayer.class, BlockLayerComponent.class}, immediate = true,
        configurationPid = DriverConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class BlockLayerComponent implements BlockLayer, DriverContext {
    private static final Logger LOG = LoggerFactory.getLogger(BlockLayerComponent.class);
    /** The watchdog's default bound: a request waiting 5 s of simulated time in a policy ejects it. */
    public static final long DEFAULT_WATCHDOG_MILLIS = 5000;

    private final Machine machine;
    private final Kernel kernel;
    private final MemoryManager memoryManager;
    private final InterruptController intc;
    private final BlockLayerCore core;
    private final Whiteboard whiteboard;
    /** The whiteboard arrivals by service object (looked up at departure only). */
    private final Map<Object, Whiteboard.Arrival<?, ?>> arrivals = new IdentityHashMap<>();
    private final List<ServiceRegistration<?>> interruptHandlers = new ArrayList<>();
    private volatile DmaEngine dma;
    /** The drivers' modes: Config Admin's osbox.block.driver properties and --io-mode's framework property. */
    private volatile Map<String, Object> driverProperties = Map.of();
    /** Each attached disk's driver by name (simulation thread). */
    private final Map<String, DiskDriver> drivers = new TreeMap<>();

    /** Builds the block layer, with no disks yet, on the machine's simulation thread. */
    @Activate
    public BlockLayerComponent(@Reference(name = "machine") Machine machine, @Reference(name = "kernel") Kernel kernel,
            @Reference(name = "memory") MemoryManager memoryManager,
            @Reference(name = "intc") InterruptController intc) throws Exception {
        this.machine = machine;
        this.intc = intc;
        this.kernel = kernel;
        this.memoryManager = memoryManager;
        long watchdog = DEFAULT_WATCHDOG_MILLIS * (machine.frequencyHz() / 1000);
        this.core = machine.call(() -> new BlockLayerCore(machine::now, machine.frequencyHz(), machine.tracer(),
                watchdog));
        this.whiteboard = new Whiteboard("block layer", machine, List.of(
                WhiteboardKind.named(IoSchedulingPolicyProvider.class, IoSchedulingPolicyProvider.NAME,
                        core.slot()::addProvider, core.slot()::removeProvider),
                WhiteboardKind.named(BlockDevice.class, BlockDevice.NAME_PROPERTY, this::attach, this::detach),
                WhiteboardKind.every(RequestEvents.class, core::addListener, core::removeListener)));
    }

    /** The plain-Java block layer (its slot; simulation thread only). */
    public BlockLayerCore core() {
        return core;
    }

    /** The machine whose simulation thread runs the block layer. */
    public Machine machine() {
        return machine;
    }

    /** The whiteboard's table (the harness offers services to it). */
    public Whiteboard whiteboard() {
        return whiteboard;
    }

    /** Sets the watchdog's bound in milliseconds of simulated time (0: off); any thread. */
    public void watchdogMillis(long millis) {
        long cycles = Math.max(0, millis) * (machine.frequencyHz() / 1000);
        machine.submit(() -> core.watchdog(cycles));
    }

    // ---- the whiteboard, fed by DS ----

    @Reference(name = "providers", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(IoSchedulingPolicyProvider provider, Map<String, Object> properties) {
        arrive(IoSchedulingPolicyProvider.class, provider, properties);
    }

    void removeProvider(IoSchedulingPolicyProvider provider) {
        depart(provider);
    }

    @Reference(name = "disks", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDisk(BlockDevice disk, Map<String, Object> properties) {
        arrive(BlockDevice.class, disk, properties);
    }

    void removeDisk(BlockDevice disk) {
        depart(disk);
    }

    @Reference(name = "listeners", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(RequestEvents listener, Map<String, Object> properties) {
        arrive(RequestEvents.class, listener, properties);
    }

    void removeListener(RequestEvents listener) {
        depart(listener);
    }

    @Reference(name = "dma", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setDma(DmaEngine engine) {
        dma = engine;
    }

    void unsetDma(DmaEngine engine) {
        if (dma == engine) {
            dma = null;
        }
    }

    // A service arrived: bound at the next safe point.
    private void arrive(Class<?> type, Object service, Map<String, Object> properties) {
        Whiteboard.Arrival<?, ?> a = whiteboard.offer(type.getName(), service, properties);
        synchronized (arrivals) {
            if (a != null) {
                arrivals.put(service, a);
            }
        }
    }

    // A service left: unbound at a safe point before this returns.
    private void depart(Object service) {
        Whiteboard.Arrival<?, ?> a;
        synchronized (arrivals) {
            a = arrivals.remove(service);
        }
        whiteboard.departed(a);
    }

    // Simulation thread: a disk joins with its queue and its driver.
    private void attach(String name, BlockDevice disk) {
        try {
            int number = core.device(name) >= 0 ? -1 : deviceNumber(name);
            if (number < 0) {
                LOG.warn("disk {} ignored: not a free disk name (vda..vdz)", name);
                return;
            }
            DiskDriver driver = new DiskDriver(number, disk, this);
            configure(name, driver);
            core.addDevice(name, disk.sectors(), disk.readOnly(), driver);
            drivers.put(name, driver);
        } catch (RuntimeException e) {
            LOG.error("disk {} could not be attached: {}", name, e.getMessage());
        }
    }

    // Simulation thread: a disk left.
    private void detach(String name, BlockDevice disk) {
        core.removeDevice(name);
        drivers.remove(name);
    }

    /**
     * The drivers' modes at activation and on every change of Config Admin's
     * {@value DriverConfig#PID} ({@code io:mode} writes it): Config Admin's
     * {@code defaults} and {@code modes} over the launcher's {@code --io-mode}
     * (the framework property {@value DriverSettings#LAUNCH_PROPERTY}),
     * applied to every disk from its next request.
     */
    @Activate
    void activate(Map<String, Object> properties) {
        modified(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        Map<String, Object> p = new TreeMap<>(properties);
        Bundle bundle = FrameworkUtil.getBundle(BlockLayerComponent.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        String launch = context == null ? null : context.getProperty(DriverSettings.LAUNCH_PROPERTY);
        if (launch != null && !launch.isBlank()) {
            p.put(DriverSettings.LAUNCH_PROPERTY, launch);
        }
        driverProperties = p;
        machine.submit(() -> drivers.forEach(this::configure));
    }

    // Simulation thread: gives a driver its mode; a bad entry is one line in the log and keeps the old mode.
    private void configure(String name, DiskDriver driver) {
        try {
            driver.configure(DriverSettings.fromProperties(driverProperties, name));
        } catch (IllegalArgumentException e) {
            LOG.warn("disk {}: driver mode unchanged: {}", name, e.getMessage());
        }
    }

    // vda..vdz -> 0..25, else -1.
    private static int deviceNumber(String name) {
        return name.length() == 3 && name.startsWith("vd") && name.charAt(2) >= 'a' && name.charAt(2) <= 'z'
                ? name.charAt(2) - 'a' : -1;
    }

    /** Withdraws the interrupt handlers it registered. */
    @Deactivate
    void deactivate() {
        synchronized (interruptHandlers) {
            for (ServiceRegistration<?> r : interruptHandlers) {
                try {
                    r.unregister();
                } catch (IllegalStateException gone) {
                    // the framework is stopping
                }
            }
            interruptHandlers.clear();
        }
    }

    // ---- BlockLayer ----

    @Override
    public List<String> devices() {
        return sim(core::devices);
    }

    @Override
    public int device(String name) {
        return sim(() -> core.device(name));
    }

    @Override
    public long sectors(int device) {
        return sim(() -> core.sectors(device));
    }

    @Override
    public boolean readOnly(int device) {
        return sim(() -> core.readOnly(device));
    }

    @Override
    public int submit(BlockIo io) {
        return core.submit(io);
    }

    @Override
    public void plug(int tid) {
        core.plug(tid);
    }

    @Override
    public void unplug(int tid) {
        core.unplug(tid);
    }

    @Override
    public String scheduler(int device) {
        return sim(() -> core.scheduler(device));
    }

    @Override
    public Map<String, Long> counters(int device) {
        return sim(() -> core.counters(device));
    }

    @Override
    public Map<String, Long> processCounters(int pid) {
        return core.processCounters(pid);
    }

    // Runs c on the simulation thread (at once when already on it) and returns its result.
    private <T> T sim(Callable<T> c) {
        try {
            return machine.call(c);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- DriverContext ----

    @Override
    public long now() {
        return machine.now();
    }

    @Override
    public long clockHz() {
        return machine.frequencyHz();
    }

    @Override
    public long schedule(long at, Runnable action) {
        return machine.events().schedule(at, action);
    }

    @Override
    public boolean cancel(long id) {
        return machine.events().cancel(id);
    }

    @Override
    public PhysicalMemory memory() {
        return machine.memory();
    }

    @Override
    public DmaEngine dma() {
        return dma;
    }

    @Override
    public long allocateKernelFrame() {
        return memoryManager.allocateKernelFrame();
    }

    /**
     * Registers an {@link InterruptHandler} service for {@code source}: the
     * kernel claims the interrupt and calls it on the simulation thread.
     * Without the framework (the harness) nothing routes it; logged.
     */
    @Override
    public void onInterrupt(int source, Runnable handler) {
        Bundle bundle = FrameworkUtil.getBundle(BlockLayerComponent.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            LOG.warn("no framework: interrupt source {} is not routed to its driver", source);
            return;
        }
        InterruptHandler h = new InterruptHandler() {
            @Override
            public int source() {
                return source;
            }

            @Override
            public void interrupt(int s) {
                handler.run();
            }

            @Override
            public String toString() {
                return "block layer interrupt handler for source " + source;
            }
        };
        synchronized (interruptHandlers) {
            interruptHandlers.add(context.registerService(InterruptHandler.class, h, null));
        }
        // the driver programs the interrupt controller too: its source is enabled for hart 0, which claims it
        // (as the console's is), so the kernel's external-interrupt trap calls the handler above
        intc.setEnabled(0, source, true);
    }

    @Override
    public int currentHart() {
        return kernel.currentHart();
    }

    @Override
    public void chargeCpu(int hart, long cycles) {
        kernel.chargeCpu(hart, cycles);
    }
}
