package ru.esiaedu.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.school.ImportProblem;
import ru.esiaedu.registry.school.ImportRow;
import ru.esiaedu.registry.school.Kinship;
import ru.esiaedu.registry.school.StaffPosition;

class ImportFileTest {

    static final Charset CP1251 = Charset.forName("windows-1251");

    static final String HEADINGS = "Идентификатор;Роль;Фамилия;Имя;Отчество;Дата рождения;СНИЛС;Телефон;Эл. почта;Класс;"
            + "Родитель для;Кем приходится;Должность;Классы руководства";

    static final String FILE = HEADINGS + "\r\n"
            + "S-1;Ученик;Семёнова;Алиса;Игоревна;20.05.2015;;;;5А;;;;\r\n"
            + "P-1;Родитель;Семёнова;Ирина;Олеговна;01.02.1986;112-233-445 95;8 912 000-00-01, +7 912 000-00-02;"
            + "irina@example.ru;;S-1;Мать;;\r\n"
            + "T-1;Сотрудник;Иванова;Анна;;;;;;;;;Классный руководитель;\"5А, 6Б\"\r\n";

    @Test
    void russianExcelFileInWindows1251IsRead() {
        ImportFile file = ImportFile.parse(FILE.getBytes(CP1251));
        assertThat(file.charset()).isEqualTo(CP1251);
        assertThat(file.separator()).isEqualTo(';');
        assertThat(file.problems()).isEmpty();
        assertThat(file.rows()).hasSize(3);
        ImportRow student = file.rows().get(0);
        assertThat(student.line()).isEqualTo(2);
        assertThat(student.personId()).isEqualTo("S-1");
        assertThat(student.role()).isEqualTo(RegistryRole.STUDENT);
        assertThat(student.lastName()).isEqualTo("Семёнова");
        assertThat(student.birthDate()).isEqualTo("20.05.2015");
        assertThat(student.className()).isEqualTo("5А");
        ImportRow parent = file.rows().get(1);
        assertThat(parent.role()).isEqualTo(RegistryRole.PARENT);
        assertThat(parent.phones()).isEqualTo("8 912 000-00-01, +7 912 000-00-02");
        assertThat(parent.parentOf()).containsExactly("S-1");
        assertThat(parent.kinship()).isEqualTo(Kinship.MOTHER);
        ImportRow teacher = file.rows().get(2);
        assertThat(teacher.position()).isEqualTo(StaffPosition.CLASS_TEACHER);
        assertThat(teacher.teacherOf()).containsExactly("5А", "6Б");
        assertThat(teacher.toString()).doesNotContain("Иванова");
    }

    @Test
    void utf8WithAndWithoutByteOrderMarkReadsTheSame() {
        ImportFile plain = ImportFile.parse(FILE.getBytes(StandardCharsets.UTF_8));
        ImportFile bom = ImportFile.parse(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                FILE.getBytes(StandardCharsets.UTF_8)));
        assertThat(plain.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(bom.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(bom.problems()).as("the mark is not part of the first heading").isEmpty();
        assertThat(bom.rows()).isEqualTo(plain.rows());
        assertThat(plain.rows()).isEqualTo(ImportFile.parse(FILE.getBytes(CP1251)).rows());
    }

    @Test
    void unicodeTextWithTabsAsExcelSavesItIsRead() {
        String tabbed = FILE.replace(";", "\t").replace("\"5А, 6Б\"", "5А, 6Б");
        ImportFile file = ImportFile.parse(concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                tabbed.getBytes(StandardCharsets.UTF_16LE)));
        assertThat(file.separator()).isEqualTo('\t');
        assertThat(file.problems()).isEmpty();
        assertThat(file.rows()).isEqualTo(ImportFile.parse(FILE.getBytes(CP1251)).rows());
    }

    @Test
    void commaSeparatedFileIsRecognisedByItsHeadingLine() {
        String csv = "Идентификатор,Роль,Фамилия,Имя,Телефон\n"
                + "P-2,Родитель,Орлова,Ксения,\"8 912 888-01-02, 8 912 888-01-03\"\n";
        ImportFile file = ImportFile.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(file.separator()).isEqualTo(',');
        assertThat(file.rows()).singleElement().satisfies(r -> {
            assertThat(r.lastName()).isEqualTo("Орлова");
            assertThat(r.phones()).isEqualTo("8 912 888-01-02, 8 912 888-01-03");
        });
    }

    @Test
    void quotedCellsKeepDoubledQuotesSeparatorsAndLineBreaks() {
        String csv = "Идентификатор;Роль;Фамилия;Имя;Отчество\r\n"
                + "S-2;Ученик;\"Петров; \"\"Младший\"\"\";\"Иван\r\nВторая строка\";\r\n"
                + "S-3;Ученик;Сидоров;Пётр;\r\n";
        ImportFile file = ImportFile.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(file.problems()).isEmpty();
        assertThat(file.rows()).hasSize(2);
        assertThat(file.rows().get(0).lastName()).isEqualTo("Петров; \"Младший\"");
        assertThat(file.rows().get(0).firstName()).isEqualTo("Иван\nВторая строка");
        assertThat(file.rows().get(1).line()).as("the line number counts the line break inside the cell").isEqualTo(4);
    }

    @Test
    void backslashesAreOrdinaryCharacters() {
        String csv = "Идентификатор;Роль;Фамилия;Имя\nS-4;Ученик;\"Back\\\";Slash\\\n";
        ImportFile file = ImportFile.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(file.rows()).singleElement().satisfies(r -> {
            assertThat(r.lastName()).isEqualTo("Back\\");
            assertThat(r.firstName()).isEqualTo("Slash\\");
        });
    }

    @Test
    void headingsAreRecognisedWhateverTheirCaseSpacingAndYo() {
        String csv = " идентификатор ;РОЛЬ;фамилия;Имя;ОТЧЕСТВО;дата  рождения;снилс;телефон;эл.почта;"
                + "класс;родитель для;Кем Приходится;должность;Классы  руководства\n"
                + "S-5;ученица;Ёлкина;Ева;;2015-01-01;;;Eva@Example.ru;5А;;;;\n";
        ImportFile file = ImportFile.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(file.problems()).isEmpty();
        assertThat(file.rows()).singleElement().satisfies(r -> {
            assertThat(r.role()).isEqualTo(RegistryRole.STUDENT);
            assertThat(r.emails()).isEqualTo("Eva@Example.ru");
            assertThat(r.birthDate()).isEqualTo("2015-01-01");
        });
        assertThat(ImportColumn.byHeading("Электронная почта")).contains(ImportColumn.EMAILS);
        assertThat(ImportColumn.byHeading("E-mail")).contains(ImportColumn.EMAILS);
        assertThat(ImportColumn.byHeading("Фамилия*")).contains(ImportColumn.LAST_NAME);
    }

    @Test
    void unknownAndDuplicateHeadingsAreReportedAndTheirCellsIgnored() {
        String csv = "Идентификатор;Роль;Фамилия;Имя;Паспорт;Имя;;\nS-6;Ученик;Ким;Ли;4509 123456;Другое;;\n";
        ImportFile file = ImportFile.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(file.problems()).containsExactly(new ImportProblem(1, "Паспорт", "unknown_column"),
                new ImportProblem(1, "Имя", "duplicate_column"));
        assertThat(file.rows()).singleElement().satisfies(r -> assertThat(r.firstName()).isEqualTo("Ли"));
    }

    @Test
    void missingRequiredColumnsStopTheFileWithEveryOneNamed() {
        String csv = "Фамилия;Имя;Телефон\nКим;Ли;89120000001\n";
        ImportFile file = ImportFile.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(file.rows()).isEmpty();
        assertThat(file.problems()).containsExactly(new ImportProblem(1, "Идентификатор", "missing_column"),
                new ImportProblem(1, "Роль", "missing_column"));
    }

    @Test
    void badRowsAreReportedWithTheirLineAndTheRestIsRead() {
        String csv = "Идентификатор;Роль;Фамилия;Имя;Должность\n"
                + "S-7;Ученик;Ким;Ли;\n"
                + "X-1;Директор школы;Ким;Ли;\n"
                + "X-2;;Ким;Ли;\n"
                + "X-3;Сотрудник;Ким;Ли;Учитель физики\n"
                + "X-4;Ученик;Ким;Ли;;лишнее\n"
                + "S-8;Ученик;Пак;Ю;;;;\n"
                + ";;;;\n"
                + "\n"
                + "T-2;Сотрудник;Ли;Ан;Завуч\n";
        ImportFile file = ImportFile.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(file.problems()).containsExactly(
                new ImportProblem(3, "Роль", "unknown_role"),
                new ImportProblem(4, "Роль", "required"),
                new ImportProblem(5, "Должность", "unknown_position"),
                new ImportProblem(6, null, "too_many_columns"));
        assertThat(file.rows()).extracting(ImportRow::personId).containsExactly("S-7", "S-8", "T-2");
        assertThat(file.rows().get(2).position()).isEqualTo(StaffPosition.DEPUTY_HEAD);
        assertThat(file.rows().get(2).line()).isEqualTo(10);
    }

    @Test
    void formulaCellsStayText() {
        String csv = "Идентификатор;Роль;Фамилия;Имя;Отчество;Телефон\n"
                + "S-9;Ученик;Ким;Ли;=cmd|' /C calc'!A0;\"=HYPERLINK(\"\"http://x\"\")\"\n";
        ImportFile file = ImportFile.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(file.rows()).singleElement().satisfies(r -> {
            assertThat(r.middleName()).isEqualTo("=cmd|' /C calc'!A0");
            assertThat(r.phones()).isEqualTo("=HYPERLINK(\"http://x\")");
        });
    }

    @Test
    void aTenMegabyteLineIsOneBadRowNotAnOutage() {
        StringBuilder csv = new StringBuilder("Идентификатор;Роль;Фамилия;Имя\n");
        csv.append("S-10;Ученик;").append("Щ".repeat(10 * 1024 * 1024)).append(";Ли\n");
        csv.append("S-11;Ученик;Ким;Ли\n");
        ImportFile file = ImportFile.parse(csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(file.problems()).containsExactly(new ImportProblem(2, "Фамилия", "too_long"));
        assertThat(file.rows()).extracting(ImportRow::personId).containsExactly("S-11");
    }

    @Test
    void aQuoteNeverClosedStopsReadingAtItsLine() {
        StringBuilder csv = new StringBuilder("Идентификатор;Роль;Фамилия;Имя\nS-12;Ученик;Ким;Ли\nS-13;Ученик;\"Ким;Ли\n");
        for (int i = 0; i < 30; i++) {
            csv.append("S-").append(100 + i).append(";Ученик;Ким;Ли\n");
        }
        ImportFile file = ImportFile.parse(csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(file.rows()).extracting(ImportRow::personId).containsExactly("S-12");
        assertThat(file.problems()).containsExactly(new ImportProblem(3, null, "unterminated_quote"));
    }

    @Test
    void aQuoteOpenAtTheEndOfTheFileIsReported() {
        String csv = "Идентификатор;Роль;Фамилия;Имя\nS-14;Ученик;\"Ким;Ли\n";
        ImportFile file = ImportFile.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(file.rows()).isEmpty();
        assertThat(file.problems()).extracting(ImportProblem::reason).containsExactly("unterminated_quote");
    }

    @Test
    void anXlsxWorkbookIsNamedNotParsedAsText() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 6, 0};
        ImportFile file = ImportFile.parse(zip);
        assertThat(file.rows()).isEmpty();
        assertThat(file.problems()).containsExactly(new ImportProblem(1, null, "xlsx_not_supported"));
    }

    @Test
    void anEmptyFileIsReported() {
        assertThat(ImportFile.parse(new byte[0]).problems()).containsExactly(new ImportProblem(1, null, "empty_file"));
        assertThat(ImportFile.parse("\n;;;\n".getBytes(StandardCharsets.UTF_8)).problems())
                .containsExactly(new ImportProblem(1, null, "empty_file"));
    }

    @Test
    void kinshipWordsAndPositions() {
        assertThat(ImportWords.kinship("мама")).isEqualTo(Kinship.MOTHER);
        assertThat(ImportWords.kinship(" ОТЕЦ ")).isEqualTo(Kinship.FATHER);
        assertThat(ImportWords.kinship("Опекун")).isEqualTo(Kinship.OTHER);
        assertThat(ImportWords.kinship("")).isNull();
        assertThat(ImportWords.position("Заместитель  директора")).contains(StaffPosition.DEPUTY_HEAD);
        assertThat(ImportWords.role("Законный представитель")).contains(RegistryRole.PARENT);
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
