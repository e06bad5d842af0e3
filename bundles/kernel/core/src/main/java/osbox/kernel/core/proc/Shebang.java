package osbox.kernel.core.proc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code #!} script's first line, as Linux's binfmt_script reads it: of
 * the first {@value #BUF_SIZE} bytes, the line after "#!" gives the
 * interpreter (up to the first blank) and at most one argument (the rest
 * of the line, blanks at both ends removed, inner blanks kept). The script
 * then runs as {@code interpreter [argument] script-path argv[1..]}.
 */
public record Shebang(String interpreter, String argument) {
    /** How much of the file Linux looks at (BINPRM_BUF_SIZE). */
    public static final int BUF_SIZE = 256;
    /** Interpreters one execve may go through before ELOOP (Linux's limit on binfmt recursion). */
    public static final int MAX_DEPTH = 4;

    /** Whether the file starts with "#!". */
    public static boolean isScript(byte[] file) {
        return file.length >= 2 && file[0] == '#' && file[1] == '!';
    }

    /**
     * The interpreter line of a file starting with "#!", or null when it
     * names no interpreter or the interpreter's name does not end within
     * the first {@value #BUF_SIZE} bytes (Linux: ENOEXEC).
     */
    public static Shebang parse(byte[] file) {
        int end = Math.min(file.length, BUF_SIZE);
        boolean cut = true;
        for (int i = 2; i < end; i++) {
            if (file[i] == '\n') {
                end = i;
                cut = false;
                break;
            }
        }
        if (file.length <= BUF_SIZE) {
            cut = false;
        }
        String line = new String(file, 2, end - 2, StandardCharsets.UTF_8);
        int i = 0;
        while (i < line.length() && blank(line.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < line.length() && !blank(line.charAt(i))) {
            i++;
        }
        if (i == start || (cut && i == line.length())) {
            return null;
        }
        String interpreter = line.substring(start, i);
        String rest = line.substring(i).strip();
        while (!rest.isEmpty() && blank(rest.charAt(rest.length() - 1))) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return new Shebang(interpreter, rest.isEmpty() ? null : rest);
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The interpreter's argv: the interpreter, the argument if any, the script's path, then argv[1..]. */
    public List<String> argv(String scriptPath, List<String> argv) {
        List<String> out = new ArrayList<>();
        out.add(interpreter);
        if (argument != null) {
            out.add(argument);
        }
        out.add(scriptPath);
        if (argv.size() > 1) {
            out.addAll(argv.subList(1, argv.size()));
        }
        return out;
    }
}
