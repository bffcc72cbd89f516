package ru.esiaedu.linker.condition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkerNextConditionTest {

    @Test
    void matchesOnlyTheConfiguredStep() {
        assertThat(LinkerNextCondition.matches("link", "link")).isTrue();
        assertThat(LinkerNextCondition.matches("request", "link")).isFalse();
        assertThat(LinkerNextCondition.matches("link", null)).isFalse();
        assertThat(LinkerNextCondition.matches(null, "link")).isFalse();
        assertThat(LinkerNextCondition.matches(" ", "")).isFalse();
    }
}
