package ru.esiaedu.linker.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;

class LinkerNextConditionTest {

    private static AuthenticatorConfigModel config(Map<String, String> values) {
        AuthenticatorConfigModel model = new AuthenticatorConfigModel();
        model.setConfig(values);
        return model;
    }

    @Test
    void defaultsToLinkWithoutConfig() {
        assertThat(LinkerNextCondition.expected(null)).isEqualTo("link");
        assertThat(LinkerNextCondition.expected(config(Map.of()))).isEqualTo("link");
        assertThat(LinkerNextCondition.expected(config(Map.of("value", "request")))).isEqualTo("request");
    }

    @Test
    void matchesOnlyTheNoteItIsConfiguredFor() {
        assertThat(LinkerNextCondition.matches("link", "link")).isTrue();
        assertThat(LinkerNextCondition.matches("request", "REQUEST ")).isTrue();
        assertThat(LinkerNextCondition.matches("link", "request")).isFalse();
        assertThat(LinkerNextCondition.matches("link", null)).isFalse();
    }
}
