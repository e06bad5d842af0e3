package osbox.vm.replace.clock;

import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.testkit.vm.ReplacementPolicyContract;

/** CLOCK passes the page-replacement policy contract. */
class ClockContractTest extends ReplacementPolicyContract {
    @Override
    protected ReplacementPolicyProvider provider() {
        return new ClockProvider();
    }
}
