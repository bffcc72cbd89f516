package ru.esiaedu.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ContactSettingsTest {

    @Test
    void withoutASavedConfigAVerifiedPersonIsNotAskedAndAnAddressBelongsToOneAccount() {
        assertThat(ContactSettings.from(null)).isEqualTo(new ContactSettings(false, true));
        assertThat(ContactSettings.from(Map.of())).isEqualTo(ContactSettings.defaults());
    }

    @Test
    void theConsoleStringsAreRead() {
        assertThat(ContactSettings.from(Map.of(ContactSettings.ASK_CHOICES_WHEN_ESIA_EMAIL_VERIFIED, "true",
                ContactSettings.ONE_PERSON_PER_ADDRESS, " FALSE "))).isEqualTo(new ContactSettings(true, false));
    }

    @Test
    void anUnreadableValueKeepsTheDefault() {
        assertThat(ContactSettings.from(Map.of(ContactSettings.ASK_CHOICES_WHEN_ESIA_EMAIL_VERIFIED, "yes",
                ContactSettings.ONE_PERSON_PER_ADDRESS, ""))).isEqualTo(ContactSettings.defaults());
    }
}
