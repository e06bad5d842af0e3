package osbox.vm.replace.eclock;

import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.testkit.vm.ReplacementPolicyContract;

/** Enhanced CLOCK passes the page-replacement policy contract. */
class EnhancedClockContractTest extends ReplacementPolicyContract {
    @Override
    protected ReplacementPolicyProvider provider() {
        return new EnhancedClockProvider();
    }
}
