package osbox.vm.replace.mru;

import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.testkit.vm.ReplacementPolicyContract;

/** Mru passes the replacement-policy contract. */
class MruContractTest extends ReplacementPolicyContract {
    @Override
    protected ReplacementPolicyProvider provider() {
        return new MruProvider();
    }
}
