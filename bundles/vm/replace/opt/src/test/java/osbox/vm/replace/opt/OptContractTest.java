package osbox.vm.replace.opt;

import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.testkit.vm.ReplacementPolicyContract;

/** Opt passes the replacement-policy contract. */
class OptContractTest extends ReplacementPolicyContract {
    @Override
    protected ReplacementPolicyProvider provider() {
        return new OptProvider();
    }
}
