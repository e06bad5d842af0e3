package osbox.kernel.core.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OomPolicyTest {
    @Test
    void theOomPolicyPicksTheLargestResidentSetAndTheYoungestOnATie() {
        List<OomPolicy.Candidate> c = List.of(new OomPolicy.Candidate(1, "init", 10, 0),
                new OomPolicy.Candidate(2, "hog", 300, 5), new OomPolicy.Candidate(3, "small", 2, 0));
        assertEquals(2, OomPolicy.LARGEST_RESIDENT_SET.choose(c));
        List<OomPolicy.Candidate> tie = List.of(new OomPolicy.Candidate(4, "a", 50, 0),
                new OomPolicy.Candidate(9, "b", 50, 0), new OomPolicy.Candidate(6, "c", 49, 0));
        assertEquals(9, OomPolicy.LARGEST_RESIDENT_SET.choose(tie));
    }
}
