package ru.esiaedu.linker.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.esiaedu.login.ProfileNotes;
import ru.esiaedu.login.SchoolProfile;

class SchoolProfileClaimsTest {

    final SchoolProfile profile = new SchoolProfile("PARENT", "org-1", "МБОУ СОШ № 1", "5А", "p1");

    @Test
    void claimHasTheDocumentedShape() throws Exception {
        Map<String, Object> claim = SchoolProfileClaims.profile(ProfileNotes.toNotes(profile)::get);
        assertThat(new ObjectMapper().writeValueAsString(claim)).isEqualTo(
                "{\"role\":\"PARENT\",\"organisation_id\":\"org-1\",\"organisation_name\":\"МБОУ СОШ № 1\","
                        + "\"class\":\"5А\",\"registry_id\":\"p1\"}");
    }

    @Test
    void noProfileChosenMeansNoClaim() {
        assertThat(SchoolProfileClaims.profile(key -> null)).isNull();
    }

    @Test
    void allProfilesComeFromTheUserAttributeSkippingGarbage() {
        SchoolProfile other = new SchoolProfile("STAFF", "org-2", "Лицей", null, "t1");
        assertThat(SchoolProfileClaims.profiles(Stream.of(profile.toJson(), "garbage", other.toJson())))
                .extracting(m -> m.get("registry_id")).containsExactly("p1", "t1");
    }
}
