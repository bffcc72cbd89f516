package ru.esiaedu.consent.registry.admin;

import java.util.List;

/**
 * CSV of consent records (RFC 4180: comma, CRLF, quotes doubled), with a header row. A cell that a spreadsheet
 * would read as a formula ({@code = + - @}, tab, CR) gets a leading apostrophe: registry ids are typed by schools.
 */
public final class ConsentCsv {

    private ConsentCsv() {
    }

    public static String write(List<ConsentRecordView> records) {
        StringBuilder out = new StringBuilder();
        row(out, ConsentRecordView.COLUMNS);
        for (ConsentRecordView record : records) {
            row(out, record.cells());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = value;
        char first = safe.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            safe = "'" + safe;
        }
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0
                || !safe.equals(value)) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
