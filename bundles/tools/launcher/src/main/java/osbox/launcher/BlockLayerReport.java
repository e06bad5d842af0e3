package osbox.launcher;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import osbox.api.io.BlockLayer;
import osbox.workload.DiskReport;
import osbox.workload.RunReport;

/**
 * The disks' part of a run's report: the block layer's statistics and the
 * processes' I/O, read from the {@link BlockLayer} service when the run
 * ends. The service is optional (a machine without disks has none, or the
 * block bundle may be absent), so it is looked up at that moment rather
 * than required by the launcher's component, whose run methods stay as
 * they are.
 */
final class BlockLayerReport {

    private BlockLayerReport() {
    }

    /** {@code report} with its disk section, or as it is when there is no block layer or no disk. */
    static RunReport withDisks(RunReport report) {
        Bundle bundle = FrameworkUtil.getBundle(BlockLayerReport.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            return report;
        }
        ServiceReference<BlockLayer> ref = context.getServiceReference(BlockLayer.class);
        BlockLayer layer = ref == null ? null : context.getService(ref);
        if (layer == null) {
            return report;
        }
        try {
            return report.withDisk(DiskReport.of(layer, report));
        } finally {
            context.ungetService(ref);
        }
    }
}
