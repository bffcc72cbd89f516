package ru.esiaedu.consent.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.esiaedu.registry.RegistryRole;

class ConsentCheckSettingsTest {

    @Test
    void defaultsWhenNothingIsSaved() {
        for (ConsentCheckSettings settings : new ConsentCheckSettings[] {ConsentCheckSettings.from(null),
                ConsentCheckSettings.from(Map.of()), ConsentCheckSettings.defaults()}) {
            assertThat(settings.sourceId()).isEqualTo("esia");
            assertThat(settings.rolesRequiringConsent()).containsExactly(RegistryRole.STUDENT);
            assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
            assertThat(settings.purpose()).isEqualTo("Вход учащегося в электронный дневник");
            assertThat(settings.esiaConsentApiUrl()).isNull();
        }
    }

    @Test
    void consoleValuesAreRead() {
        Map<String, String> config = new HashMap<>();
        config.put("consentSource", " Registry ");
        config.put("rolesRequiringConsent", "STUDENT##PARENT");
        config.put("timeZone", "Asia/Yekaterinburg");
        config.put("purpose", " Вход в журнал ");
        config.put("esiaConsentApiUrl", " https://esia.gosuslugi.ru/// ");
        ConsentCheckSettings settings = ConsentCheckSettings.from(config);
        assertThat(settings.sourceId()).isEqualTo("registry");
        assertThat(settings.rolesRequiringConsent()).containsExactlyInAnyOrder(RegistryRole.STUDENT, RegistryRole.PARENT);
        assertThat(settings.requiresConsent(RegistryRole.PARENT)).isTrue();
        assertThat(settings.requiresConsent(RegistryRole.STAFF)).isFalse();
        assertThat(settings.zone()).isEqualTo(ZoneId.of("Asia/Yekaterinburg"));
        assertThat(settings.purpose()).isEqualTo("Вход в журнал");
        assertThat(settings.esiaConsentApiUrl()).isEqualTo("https://esia.gosuslugi.ru");
    }

    @Test
    void anEmptyOrUnreadableRoleListFailsClosedToStudents() {
        assertThat(ConsentCheckSettings.roles("")).containsExactly(RegistryRole.STUDENT);
        assertThat(ConsentCheckSettings.roles("teachers")).containsExactly(RegistryRole.STUDENT);
        assertThat(ConsentCheckSettings.roles("staff,parent")).containsExactlyInAnyOrder(RegistryRole.STAFF, RegistryRole.PARENT);
    }

    @Test
    void anUnknownZoneMeansMoscow() {
        assertThat(ConsentCheckSettings.from(Map.of("timeZone", "Mars/Olympus")).zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
    }

    @Test
    void aBlankOverrideMeansTheIdentityProvidersAddress() {
        assertThat(ConsentCheckSettings.from(Map.of("esiaConsentApiUrl", "  ")).esiaConsentApiUrl()).isNull();
        assertThat(ConsentCheckSettings.baseUrl("/")).isNull();
    }
}
