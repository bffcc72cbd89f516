package ru.esiaedu.linker.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FullNameTest {

    @Test
    void joinsThePartsThatArePresent() {
        assertThat(FullName.of("Захарченко", "Диана", "Набиевна")).isEqualTo("Захарченко Диана Набиевна");
        assertThat(FullName.of(" Семёнова ", "Алиса", null)).isEqualTo("Семёнова Алиса");
        assertThat(FullName.of(null, " ", "")).isNull();
    }

    @Test
    void isCutToTheRegistrysColumn() {
        assertThat(FullName.of("Я".repeat(400), "Ян", null)).hasSize(FullName.MAX_LENGTH);
    }
}
