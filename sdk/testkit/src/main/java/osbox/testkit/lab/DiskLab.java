package osbox.testkit.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The disk lab's command line: {@code lab disk --policy NAME --addresses
 * A,B,... [--seek-speed S] [--rotation-speed R] [--json] [--svg FILE]};
 * see {@link #HELP}. It runs OSTEP's {@code disk.py} model
 * ({@link DiskModel}) and prints, in the order served, each request's seek,
 * rotation and transfer time and the totals, which agree with
 * {@code disk.py -c} on the same addresses and speeds. Exit status: 0
 * answered, 2 bad arguments (or an SVG file that cannot be written).
 */
public final class DiskLab {
    /** The usage text. */
    public static final String HELP = String.join("\n",
            "usage: lab disk --policy NAME --addresses A,B,... [--seek-speed S] [--rotation-speed R] [--json]"
                    + " [--svg FILE]",
            "  OSTEP's disk.py model: 3 tracks of 12 sectors (blocks 0-11 outer, 12-23, 24-35 inner), one sector",
            "  per request; the head starts on the outer track in the middle of block 6",
            "  --policy FIFO|SSTF|SATF       the order served (a comma list draws one line each in --svg)",
            "  --addresses 7,30,8            the blocks requested, all queued at time 0",
            "  --seek-speed S                track-width units per time unit (tracks are 40 apart; default 1)",
            "  --rotation-speed R            degrees per time unit (default 1)",
            "  --json                        one line of JSON (one policy)",
            "  --svg FILE                    draw the head's track over time, one line per policy");

    private DiskLab() {
    }

    /** Runs the lab with args; prints to out and err; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        DiskArgs a;
        List<DiskModel.Run> runs = new ArrayList<>();
        try {
            a = DiskArgs.parse(args);
            if (a.help) {
                out.println(HELP);
                return 0;
            }
            for (String policy : a.policies) {
                runs.add(DiskModel.run(policy, a.addresses, a.seekSpeed, a.rotationSpeed));
            }
        } catch (IllegalArgumentException e) {
            err.println("osbox lab disk: " + e.getMessage());
            return 2;
        }
        if (a.svg != null) {
            String why = writeSvg(Path.of(a.svg), runs);
            if (why != null) {
                err.println("osbox lab disk: --svg " + a.svg + ": " + why);
                return 2;
            }
        }
        out.print(a.json ? json(runs.get(0)) : table(a, runs));
        return 0;
    }

    /** disk.py's answer lines for each run, under a line naming the policy and speeds. */
    static String table(DiskArgs a, List<DiskModel.Run> runs) {
        StringBuilder b = new StringBuilder();
        for (DiskModel.Run r : runs) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(String.format(Locale.ROOT, "policy %s, seek speed %s, rotation speed %s%n", r.policy(),
                    DiskModel.speed(a.seekSpeed), DiskModel.speed(a.rotationSpeed)));
            for (DiskModel.Served s : r.served()) {
                b.append(String.format(Locale.ROOT, "Block: %3d  Seek:%3d  Rotate:%3d  Transfer:%3d  Total:%4d%n",
                        s.block(), s.seek(), s.rotate(), s.transfer(), s.total()));
            }
            b.append(String.format(Locale.ROOT, "TOTALS      Seek:%3d  Rotate:%3d  Transfer:%3d  Total:%4d%n",
                    r.seek(), r.rotate(), r.transfer(), r.total()));
        }
        return b.toString();
    }

    /** {"requests":[{"block":B,"seek":S,"rotate":R,"transfer":T,"total":X},...],"totals":{...}} and a newline. */
    static String json(DiskModel.Run r) {
        StringBuilder b = new StringBuilder("{\"requests\":[");
        for (int i = 0; i < r.served().size(); i++) {
            DiskModel.Served s = r.served().get(i);
            b.append(i == 0 ? "" : ",").append("{\"block\":").append(s.block())
                    .append(times(s.seek(), s.rotate(), s.transfer(), s.total())).append('}');
        }
        return b.append("],\"totals\":{").append(times(r.seek(), r.rotate(), r.transfer(), r.total()).substring(1))
                .append("}}\n").toString();
    }

    /** ,"seek":S,"rotate":R,"transfer":T,"total":X */
    private static String times(long seek, long rotate, long transfer, long total) {
        return ",\"seek\":" + seek + ",\"rotate\":" + rotate + ",\"transfer\":" + transfer + ",\"total\":" + total;
    }

    /** Writes the SVG of the runs to file; the reason it could not, or null. */
    static String writeSvg(Path file, List<DiskModel.Run> runs) {
        try {
            Files.writeString(file, DiskSvg.draw(runs));
            return null;
        } catch (NoSuchFileException e) {
            return "No such file or directory";
        } catch (IOException e) {
            return e.getMessage() == null ? "cannot write" : e.getMessage();
        }
    }
}
