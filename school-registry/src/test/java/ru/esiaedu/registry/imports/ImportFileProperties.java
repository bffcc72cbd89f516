package ru.esiaedu.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import ru.esiaedu.registry.school.ImportRow;

/** Whatever a cell holds, a file written the way Excel writes it reads back to the same cells. */
class ImportFileProperties {

    @Property(tries = 300)
    void anyCellsRoundTripThroughEveryEncodingAndSeparator(@ForAll("names") List<String> lastNames,
            @ForAll("separators") char separator, @ForAll("charsets") Charset charset) {
        String sep = String.valueOf(separator);
        StringBuilder file = new StringBuilder(String.join(sep, "Идентификатор", "Роль", "Фамилия", "Имя")).append("\r\n");
        for (int i = 0; i < lastNames.size(); i++) {
            file.append(String.join(sep, "ID-" + i, "Ученик", quoted(lastNames.get(i)), "Имя")).append("\r\n");
        }
        ImportFile parsed = ImportFile.parse(file.toString().getBytes(charset));
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.separator()).isEqualTo(separator);
        assertThat(parsed.rows()).extracting(ImportRow::lastName)
                .containsExactlyElementsOf(lastNames.stream().map(s -> s.replace("\r\n", "\n")).toList());
    }

    @Property(tries = 200)
    void arbitraryBytesNeverThrow(@ForAll byte[] content) {
        ImportFile parsed = ImportFile.parse(content);
        assertThat(parsed.rows().size() + parsed.problems().size()).isGreaterThanOrEqualTo(0);
    }

    @Provide
    Arbitrary<List<String>> names() {
        // Cyrillic that Windows-1251 can hold, plus every character that needs quoting
        Arbitrary<String> cell = Arbitraries.strings().withChars("АБВЁёЩщЯя ;,\t\"'=|-").withChars('\n')
                .ofMinLength(1).ofMaxLength(30).filter(s -> !s.isBlank() && !s.startsWith("\n") && !s.endsWith("\n")
                        && !s.contains("\n\n"));
        return cell.list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Character> separators() {
        return Arbitraries.of(';', ',', '\t');
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(StandardCharsets.UTF_8, Charset.forName("windows-1251"));
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
