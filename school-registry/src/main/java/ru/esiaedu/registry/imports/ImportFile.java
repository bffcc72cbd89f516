package ru.esiaedu.registry.imports;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.ICSVParser;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.school.ImportProblem;
import ru.esiaedu.registry.school.ImportRow;
import ru.esiaedu.registry.school.StaffPosition;

/**
 * Reads an import file of students, parents and staff as Russian-locale Excel saves «CSV (разделители — точка с
 * запятой)»: {@code ;}-separated (also {@code ,} or tab, chosen by the heading line), quotes doubled inside quoted
 * cells, line breaks inside quoted cells, UTF-8 with or without a byte order mark, UTF-16 with one, or Windows-1251
 * ({@link TextDecoding}). The first non-empty line holds the headings ({@link ImportColumn}). Pure: nothing is
 * checked against the registry here, and values stay as typed (a formula such as {@code =cmd|…} is text like any
 * other; the registry's checks refuse it where it does not belong). Every line that cannot become an
 * {@link ImportRow} is an {@link ImportProblem} with its line number and reason.
 */
public final class ImportFile {

    /** A cell longer than this is refused (the longest column of the registry is an e-mail list). */
    public static final int CELL_MAX = 1000;
    /** Rows after this many are not read (a larger school splits its file). */
    public static final int ROWS_MAX = 200_000;
    /** A quoted cell spanning more lines than this is taken for a quote that was never closed. */
    static final int LINES_PER_RECORD_MAX = 20;

    private final List<ImportRow> rows;
    private final List<ImportProblem> problems;
    private final Charset charset;
    private final char separator;

    private ImportFile(List<ImportRow> rows, List<ImportProblem> problems, Charset charset, char separator) {
        this.rows = List.copyOf(rows);
        this.problems = List.copyOf(problems);
        this.charset = charset;
        this.separator = separator;
    }

    /** The good rows, in file order. */
    public List<ImportRow> rows() {
        return rows;
    }

    /** Every line that was not read into a row, and every problem with the headings, in file order. */
    public List<ImportProblem> problems() {
        return problems;
    }

    public Charset charset() {
        return charset;
    }

    public char separator() {
        return separator;
    }

    public static ImportFile parse(byte[] content) {
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            // an .xlsx (a ZIP archive): the school saves it as CSV first
            return new ImportFile(List.of(), List.of(new ImportProblem(1, null, "xlsx_not_supported")),
                    TextDecoding.WINDOWS_1251, ';');
        }
        TextDecoding.Decoded decoded = TextDecoding.decode(content);
        char separator = separator(decoded.text());
        List<ImportRow> rows = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(decoded.text()))
                // OpenCSV's CSVParser without an escape character: a backslash is text, a quote is doubled, as
                // Excel writes it (its RFC4180Parser takes an empty line for the end of the file)
                .withCSVParser(new CSVParserBuilder().withSeparator(separator)
                        .withEscapeChar(ICSVParser.NULL_CHARACTER).withIgnoreLeadingWhiteSpace(false).build())
                .withMultilineLimit(LINES_PER_RECORD_MAX)
                .build()) {
            new Reading(reader, rows, problems).run();
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
        return new ImportFile(rows, problems, decoded.charset(), separator);
    }

    /** The separator the heading line uses most: {@code ;} (Russian Excel), {@code ,} or tab; {@code ;} on a tie. */
    static char separator(String text) {
        int end = text.indexOf('\n');
        String heading = end < 0 ? text : text.substring(0, end);
        long semicolons = heading.chars().filter(c -> c == ';').count();
        long commas = heading.chars().filter(c -> c == ',').count();
        long tabs = heading.chars().filter(c -> c == '\t').count();
        if (tabs > semicolons && tabs >= commas) {
            return '\t';
        }
        return commas > semicolons ? ',' : ';';
    }

    /** One pass over the records. */
    private static final class Reading {
        private final CSVReader reader;
        private final List<ImportRow> rows;
        private final List<ImportProblem> problems;
        private final Map<ImportColumn, Integer> index = new EnumMap<>(ImportColumn.class);
        private int width;
        private long linesBefore;

        Reading(CSVReader reader, List<ImportRow> rows, List<ImportProblem> problems) {
            this.reader = reader;
            this.rows = rows;
            this.problems = problems;
        }

        void run() {
            String[] record;
            boolean headings = false;
            while ((record = next()) != null) {
                int line = (int) Math.min(Integer.MAX_VALUE, linesBefore + 1);
                linesBefore = reader.getLinesRead();
                if (blank(record)) {
                    continue;
                }
                if (!headings) {
                    headings = true;
                    if (!headings(line, record)) {
                        return;
                    }
                    continue;
                }
                if (rows.size() + problems.size() >= ROWS_MAX) {
                    problems.add(new ImportProblem(line, null, "too_many_rows"));
                    return;
                }
                row(line, record);
            }
            if (!headings) {
                problems.add(new ImportProblem(1, null, "empty_file"));
            }
        }

        private String[] next() {
            try {
                return reader.readNext();
            } catch (CsvValidationException | IOException e) {
                // Reading from memory fails only on the text itself (OpenCSV's malformed-line and multi-line-limit
                // exceptions are IOExceptions): a quote opened and never closed. What follows cannot be told apart,
                // so reading stops here.
                problems.add(new ImportProblem((int) Math.min(Integer.MAX_VALUE, linesBefore + 1), null,
                        "unterminated_quote"));
                return null;
            }
        }

        private boolean headings(int line, String[] record) {
            width = record.length;
            for (int i = 0; i < record.length; i++) {
                String heading = record[i] == null ? "" : record[i].strip();
                if (heading.isEmpty()) {
                    continue;                      // Excel's trailing separators
                }
                Optional<ImportColumn> column = ImportColumn.byHeading(heading);
                if (column.isEmpty()) {
                    problems.add(new ImportProblem(line, clip(heading), "unknown_column"));
                } else if (index.containsKey(column.get())) {
                    problems.add(new ImportProblem(line, column.get().heading(), "duplicate_column"));
                } else {
                    index.put(column.get(), i);
                }
            }
            boolean complete = true;
            for (ImportColumn column : ImportColumn.values()) {
                if (column.required() && !index.containsKey(column)) {
                    problems.add(new ImportProblem(line, column.heading(), "missing_column"));
                    complete = false;
                }
            }
            return complete;
        }

        private void row(int line, String[] record) {
            for (int i = width; i < record.length; i++) {
                if (record[i] != null && !record[i].isBlank()) {
                    problems.add(new ImportProblem(line, null, "too_many_columns"));
                    return;
                }
            }
            for (Map.Entry<ImportColumn, Integer> e : index.entrySet()) {
                String cell = cell(record, e.getKey());
                if (cell.length() > CELL_MAX) {
                    problems.add(new ImportProblem(line, e.getKey().heading(), "too_long"));
                    return;
                }
            }
            String roleText = cell(record, ImportColumn.ROLE);
            if (roleText.isBlank()) {
                problems.add(new ImportProblem(line, ImportColumn.ROLE.heading(), "required"));
                return;
            }
            Optional<RegistryRole> role = ImportWords.role(roleText);
            if (role.isEmpty()) {
                problems.add(new ImportProblem(line, ImportColumn.ROLE.heading(), "unknown_role"));
                return;
            }
            String positionText = cell(record, ImportColumn.POSITION);
            StaffPosition position = null;
            if (!positionText.isBlank()) {
                Optional<StaffPosition> known = ImportWords.position(positionText);
                if (known.isEmpty()) {
                    problems.add(new ImportProblem(line, ImportColumn.POSITION.heading(), "unknown_position"));
                    return;
                }
                position = known.get();
            }
            rows.add(new ImportRow(line, cell(record, ImportColumn.PERSON_ID).strip(), role.get(),
                    cell(record, ImportColumn.LAST_NAME), cell(record, ImportColumn.FIRST_NAME),
                    cell(record, ImportColumn.MIDDLE_NAME), cell(record, ImportColumn.BIRTH_DATE),
                    cell(record, ImportColumn.SNILS), cell(record, ImportColumn.PHONES), cell(record, ImportColumn.EMAILS),
                    cell(record, ImportColumn.CLASS_NAME), list(cell(record, ImportColumn.PARENT_OF)),
                    ImportWords.kinship(cell(record, ImportColumn.KINSHIP)), position,
                    list(cell(record, ImportColumn.TEACHER_OF))));
        }

        private String cell(String[] record, ImportColumn column) {
            Integer i = index.get(column);
            return i == null || i >= record.length || record[i] == null ? "" : record[i];
        }

        private static List<String> list(String cell) {
            List<String> parts = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= cell.length(); i++) {
                if (i == cell.length() || cell.charAt(i) == ',' || cell.charAt(i) == ';' || cell.charAt(i) == '\n') {
                    String part = cell.substring(start, i).strip();
                    if (!part.isEmpty()) {
                        parts.add(part);
                    }
                    start = i + 1;
                }
            }
            return parts;
        }

        private static boolean blank(String[] record) {
            for (String cell : record) {
                if (cell != null && !cell.isBlank()) {
                    return false;
                }
            }
            return true;
        }

        private static String clip(String heading) {
            return heading.length() <= 100 ? heading : heading.substring(0, 100);
        }
    }
}
