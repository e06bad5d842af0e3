package osbox.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with aligned columns: text columns are left-aligned,
 * numeric ones right-aligned, two spaces between columns, no trailing blanks.
 */
final class Table {

    private final String[] headers;
    private final boolean[] numeric;
    private final List<String[]> rows = new ArrayList<>();

    /** A table with these headers; a header starting with '>' marks a right-aligned (numeric) column. */
    Table(String... headers) {
        this.headers = new String[headers.length];
        this.numeric = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            numeric[i] = headers[i].startsWith(">");
            this.headers[i] = numeric[i] ? headers[i].substring(1) : headers[i];
        }
    }

    /** Adds a row; values are turned into text with {@link String#valueOf}. */
    Table row(Object... values) {
        if (values.length != headers.length) {
            throw new IllegalArgumentException("expected " + headers.length + " values, got " + values.length);
        }
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = String.valueOf(values[i]);
        }
        rows.add(cells);
        return this;
    }

    /** The table as lines separated by '\n' and ending with one; headers are omitted when all are empty. */
    String render() {
        int[] width = new int[headers.length];
        boolean showHeaders = Arrays.stream(headers).anyMatch(h -> !h.isEmpty());
        for (int i = 0; i < headers.length; i++) {
            width[i] = showHeaders ? headers[i].length() : 0;
        }
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        if (showHeaders) {
            line(sb, headers, width);
        }
        for (String[] r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    /** Appends one aligned line. */
    private void line(StringBuilder sb, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(width[i] - cells[i].length());
            line.append(numeric[i] ? pad + cells[i] : cells[i] + pad);
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        sb.append(line, 0, end).append('\n');
    }
}
