package osbox.deadlock.report;

import org.osgi.service.component.annotations.Component;
import osbox.api.deadlock.DeadlockPolicyProvider;

/** Registers the report provider as a whiteboard service named "report". */
@Component(service = DeadlockPolicyProvider.class,
        property = DeadlockPolicyProvider.NAME + "=" + ReportProvider.NAME_VALUE)
public final class ReportComponent extends ReportProvider {
}
