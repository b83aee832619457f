package io.hallwatch.marketing.domain.customers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CSV a CRM extract comes as (RFC 4180: comma separated, double quotes, CRLF or LF,
 * optional UTF-8 byte-order mark), the first line naming the columns. Each data line becomes a map
 * from column name to text; empty cells are left out, so "absent" and "empty" mean the same.
 */
public final class CsvReader {

    private CsvReader() {
    }

    public static List<Map<String, String>> read(String text) {
        List<List<String>> lines = split(text == null ? "" : text);
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = lines.get(0).stream().map(String::trim).toList();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).isEmpty()) {
                throw new CsvFormatException("column " + (i + 1) + " of the header has no name");
            }
            if (header.indexOf(header.get(i)) != i) {
                throw new CsvFormatException("column '" + header.get(i) + "' appears twice in the header");
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            List<String> cells = lines.get(n);
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            if (cells.size() > header.size()) {
                throw new CsvFormatException("line " + (n + 1) + " has " + cells.size() + " cells, the header "
                        + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i).trim();
                if (!cell.isEmpty()) {
                    row.put(header.get(i), cell);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** The header's column names, for checks that must run before any row is read. */
    public static List<String> header(String text) {
        List<List<String>> lines = split(text == null ? "" : text);
        return lines.isEmpty() ? List.of() : lines.get(0).stream().map(String::trim).toList();
    }

    private static List<List<String>> split(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                lines.add(cells);
                cells = new ArrayList<>();
                any = false;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new CsvFormatException("a quoted cell is not closed");
        }
        if (any) {
            cells.add(cell.toString());
            lines.add(cells);
        }
        return lines;
    }

    /** The text is not CSV of the expected shape. */
    public static class CsvFormatException extends RuntimeException {
        public CsvFormatException(String message) {
            super(message);
        }
    }
}
