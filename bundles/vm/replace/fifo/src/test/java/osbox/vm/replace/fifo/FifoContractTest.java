package osbox.vm.replace.fifo;

import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.testkit.vm.ReplacementPolicyContract;

/** FIFO passes the replacement-policy contract. */
class FifoContractTest extends ReplacementPolicyContract {
    @Override
    protected ReplacementPolicyProvider provider() {
        return new FifoProvider();
    }
}
