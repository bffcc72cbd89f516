package ru.esiaedu.consent.registry.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApprovalCommandTest {

    @Test
    void theButtonsParse() {
        assertThat(ApprovalCommand.parse("approve:12")).contains(new ApprovalCommand(ApprovalCommand.Kind.APPROVE, 12));
        assertThat(ApprovalCommand.parse("decline:7")).contains(new ApprovalCommand(ApprovalCommand.Kind.DECLINE, 7));
        assertThat(ApprovalCommand.parse(" revoke:500 ")).contains(new ApprovalCommand(ApprovalCommand.Kind.REVOKE, 500));
        assertThat(ApprovalCommand.parse("continue")).contains(ApprovalCommand.CONTINUE);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "approve", "approve:", ":12", "approve:-1", "approve:1e3", "approve:12;drop",
            "grant:12", "APPROVE:12", "approve:12345678901234567890", "revoke: 5", "continue:1"})
    void anythingElseIsRefused(String value) {
        assertThat(ApprovalCommand.parse(value)).isEmpty();
    }
}
