package ru.esiaedu.esia.broker;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EsiaMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ru", "en"})
    void everyKeyTheProviderCanShowHasATextInBothLanguages(String language) throws Exception {
        Properties messages = load(language);
        for (String code : EsiaMessages.CODES_WITH_TEXT) {
            assertThat(messages.getProperty("esiaError." + code)).as(code).isNotBlank().contains(code);
        }
        for (String key : new String[]{EsiaMessages.CANCELLED, EsiaMessages.ACCOUNT_NOT_CONFIRMED, EsiaMessages.ACCOUNT_DELETED,
                EsiaMessages.UNAVAILABLE, EsiaMessages.BAD_RESPONSE, EsiaMessages.INVALID_TOKEN,
                EsiaMessages.CLIENT_MISCONFIGURED, EsiaMessages.SESSION_EXPIRED, EsiaMessages.UNKNOWN}) {
            assertThat(messages.getProperty(key)).as(key).isNotBlank();
        }
    }

    @Test
    void russianTextsAreRussian() throws Exception {
        assertThat(load("ru").getProperty(EsiaMessages.UNAVAILABLE)).isEqualTo("Госуслуги сейчас не отвечают. Попробуйте войти через несколько минут.");
    }

    @Test
    void listedCodesGetTheirOwnTextOthersFallBackToTheirCategory() {
        assertThat(EsiaMessages.forEsiaError("ESIA-007053", "invalid_request")).isEqualTo("esiaError.ESIA-007053");
        assertThat(EsiaMessages.forEsiaError(null, "access_denied")).isEqualTo(EsiaMessages.CANCELLED);
        assertThat(EsiaMessages.forEsiaError("ESIA-036701", "invalid_request")).isEqualTo(EsiaMessages.UNKNOWN);
        assertThat(EsiaMessages.forEsiaError(null, "temporarily_unavailable")).isEqualTo(EsiaMessages.UNAVAILABLE);
    }

    private static Properties load(String language) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = EsiaMessagesTest.class.getResourceAsStream("/theme-resources/messages/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
