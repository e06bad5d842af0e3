package osbox.vm.replace.aging;

import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.testkit.vm.ReplacementPolicyContract;

/** Aging passes the page-replacement policy contract, with the defaults. */
class AgingContractTest extends ReplacementPolicyContract {
    @Override
    protected ReplacementPolicyProvider provider() {
        return new AgingProvider();
    }
}
