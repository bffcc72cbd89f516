package ru.esiaedu.esia.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountTypesTest {

    @Test
    void childLevelWinsOverTrusted() {
        assertThat(AccountTypes.resolve("KD", false)).isEqualTo(AccountType.CHILD);
        assertThat(AccountTypes.resolve("KD", true)).isEqualTo(AccountType.CHILD);
        assertThat(AccountTypes.resolve(" kd ", false)).isEqualTo(AccountType.CHILD);
    }

    @Test
    void otherwiseTrustedDecides() {
        assertThat(AccountTypes.resolve(null, true)).isEqualTo(AccountType.CONFIRMED);
        assertThat(AccountTypes.resolve(null, false)).isEqualTo(AccountType.SIMPLIFIED);
        assertThat(AccountTypes.resolve("P", true)).isEqualTo(AccountType.CONFIRMED);
        // the claim alone does not make an account confirmed: only the trusted flag does
        assertThat(AccountTypes.resolve("PR", false)).isEqualTo(AccountType.SIMPLIFIED);
    }
}
