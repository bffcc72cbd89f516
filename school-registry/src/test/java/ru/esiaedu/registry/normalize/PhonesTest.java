package ru.esiaedu.registry.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhonesTest {

    @ParameterizedTest
    @ValueSource(strings = {"+7 901 111-11-11", "8 (901) 1111111", "79011111111", "+7(901)1111111", "9011111111",
            " +7 (901) 111 11 11 ", "8-901-111-11-11", "+7\u00a0901\u00a0111-11-11", "8.901.111.11.11"})
    void everyRussianFormatGivesElevenDigitsStartingWithSeven(String phone) {
        assertThat(Phones.normalize(phone)).contains("79011111111");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "abc", "+7 901 111-11-1", "+7 901 111-11-111", "901111111", "+8 901 111 11 11",
            "7 901 111 11 11 доб. 5", "9011111111x", "+7 +901 1111111", "0011111111", "6 901 111 11 11",
            "tel:+79011111111"})
    void garbageIsEmpty(String phone) {
        assertThat(Phones.normalize(phone)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+79011111111 ", "\t79011111111\n"})
    void surroundingWhitespaceIsTrimmed(String phone) {
        assertThat(Phones.normalize(phone)).contains("79011111111");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+7 (495) 123-45-67", "8 495 1234567", "4951234567"})
    void landlinesToo(String phone) {
        assertThat(Phones.normalize(phone)).contains("74951234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"79011111111", "74951234567"})
    void normalisingTwiceChangesNothing(String phone) {
        assertThat(Phones.normalize(Phones.normalize(phone).orElseThrow())).contains(phone);
    }
}
