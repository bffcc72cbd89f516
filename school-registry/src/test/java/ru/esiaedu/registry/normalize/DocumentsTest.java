package ru.esiaedu.registry.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.esiaedu.registry.DocumentType;

class DocumentsTest {

    /** The contract's example, plus look-alike letters typed in the other keyboard layout. */
    @ParameterizedTest
    @ValueSource(strings = {"IV-МЮ", "IVМЮ", "iv мю", "IV-MЮ", "IV MЮ", " iv - мю ", "ІV-МЮ", "IV\u2013МЮ", "1V-МЮ"})
    void birthCertificateSeriesVariantsAreEqual(String series) {
        assertThat(Documents.normalize(series)).isEqualTo("IVМЮ");
    }

    @Test
    void cyrillicAndLatinLookAlikes() {
        // Cyrillic Х/С in the Roman part become Latin X/C; Latin K/A/E/… in the letter part become Cyrillic.
        assertThat(Documents.normalize("ХIV-АК")).isEqualTo("XIVАК");
        assertThat(Documents.normalize("XIV-AK")).isEqualTo("XIVАК");
        assertThat(Documents.normalize("III-ИK")).isEqualTo("IIIИК");
        assertThat(Documents.normalize("III ИК")).isEqualTo(Documents.normalize("III-ИК"));
        assertThat(Documents.normalize("VI-МЮ")).isNotEqualTo(Documents.normalize("IV-МЮ"));
        assertThat(Documents.normalize("II-ЕР")).isEqualTo(Documents.normalize("ii-ep"));
    }

    @Test
    void numbersAndOtherValues() {
        assertThat(Documents.normalize("623 145")).isEqualTo("623145");
        assertThat(Documents.normalize("734-512")).isEqualTo("734512");
        assertThat(Documents.normalize("ab-12")).isEqualTo("AB12");   // not a birth-certificate series: only compacted
    }

    @Test
    void passportDigitsOnly() {
        assertThat(Documents.normalizePassport("45 09")).isEqualTo("4509");
        assertThat(Documents.normalizePassport("45-09 № 123456")).isEqualTo("4509123456");
        assertThat(Documents.normalize(DocumentType.PASSPORT, "45 09")).isEqualTo("4509");
        assertThat(Documents.normalize(DocumentType.BIRTH_CERTIFICATE, "iv мю")).isEqualTo("IVМЮ");
        assertThat(Documents.normalizePassport("№")).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", " - "})
    void nothingLeftIsNull(String value) {
        assertThat(Documents.normalize(value)).isNull();
        assertThat(Documents.normalizePassport(value)).isNull();
    }
}
