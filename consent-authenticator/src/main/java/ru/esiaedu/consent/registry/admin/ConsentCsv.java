package ru.esiaedu.consent.registry.admin;

import java.util.List;

/**
 * CSV of consent records as Russian-locale Excel opens it by a double click: UTF-8 with a byte-order mark (else
 * Cyrillic turns into mojibake), {@code ;} between cells (the list separator of that locale), CRLF, quotes doubled,
 * a header row. A cell that a spreadsheet would read as a formula ({@code = + - @}, tab, CR) gets a leading
 * apostrophe: registry ids and text versions are typed by people.
 */
public final class ConsentCsv {

    private ConsentCsv() {
    }

    static final char SEPARATOR = ';';
    static final String BOM = "\uFEFF";

    public static String write(List<ConsentRecordView> records) {
        StringBuilder out = new StringBuilder(BOM);
        row(out, ConsentRecordView.COLUMNS);
        for (ConsentRecordView record : records) {
            row(out, record.cells());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(SEPARATOR);
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
        if (safe.indexOf(SEPARATOR) >= 0 || safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0
                || !safe.equals(value)) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
