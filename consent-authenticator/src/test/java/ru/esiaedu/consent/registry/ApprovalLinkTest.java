package ru.esiaedu.consent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ApprovalLinkTest {

    static final String FRONTEND = "https://id.example.ru/";

    @Test
    void aParentLinkRunsTheApprovalActionThroughTheClient() {
        Optional<String> link = ApprovalLink.build(FRONTEND, "school", "school-portal", "https://school.example.ru",
                "/diary/", true);

        assertThat(link).contains("https://id.example.ru/realms/school/protocol/openid-connect/auth"
                + "?client_id=school-portal"
                + "&redirect_uri=https%3A%2F%2Fschool.example.ru%2Fdiary%2F"
                + "&response_type=code&scope=openid&kc_action=esia-consent-approval&role=parent");
    }

    @Test
    void aStudentLinkIsAPlainStudentLogin() {
        assertThat(ApprovalLink.build(FRONTEND, "school", "school-portal", null, "https://school.example.ru/", false))
                .contains("https://id.example.ru/realms/school/protocol/openid-connect/auth?client_id=school-portal"
                        + "&redirect_uri=https%3A%2F%2Fschool.example.ru%2F&response_type=code&scope=openid&role=student");
    }

    @Test
    void theRootUrlServesWhenThereIsNoHomeUrl() {
        assertThat(ApprovalLink.redirectUri("https://id.example.ru", "https://school.example.ru/", null))
                .contains("https://school.example.ru");
        assertThat(ApprovalLink.redirectUri("https://id.example.ru", "https://school.example.ru", "  "))
                .contains("https://school.example.ru");
    }

    @Test
    void aRelativeHomeUrlIsResolvedLikeKeycloakDoes() {
        assertThat(ApprovalLink.redirectUri("https://id.example.ru", "https://school.example.ru/", "/app"))
                .contains("https://school.example.ru/app");
        assertThat(ApprovalLink.redirectUri("https://id.example.ru", "${authBaseUrl}", "/realms/school/account/"))
                .contains("https://id.example.ru/realms/school/account/");
        assertThat(ApprovalLink.redirectUri("https://id.example.ru/auth", null, "/app/"))
                .contains("https://id.example.ru/app/");
    }

    @Test
    void anAbsoluteHomeUrlWinsOverTheRootUrl() {
        assertThat(ApprovalLink.redirectUri("https://id.example.ru", "https://root.example.ru", "https://home.example.ru/x"))
                .contains("https://home.example.ru/x");
    }

    @Test
    void noHomeAndNoRootUrlMeansNoLink() {
        assertThat(ApprovalLink.build(FRONTEND, "school", "school-portal", null, null, true)).isEmpty();
        assertThat(ApprovalLink.build(FRONTEND, "school", "school-portal", "", " ", true)).isEmpty();
        assertThat(ApprovalLink.build(FRONTEND, "school", "school-portal", null, "not-a-url", true)).isEmpty();
    }

    @Test
    void missingKeycloakDataMeansNoLink() {
        assertThat(ApprovalLink.build(null, "school", "c", "https://a.ru", null, true)).isEmpty();
        assertThat(ApprovalLink.build(FRONTEND, " ", "c", "https://a.ru", null, true)).isEmpty();
        assertThat(ApprovalLink.build(FRONTEND, "school", null, "https://a.ru", null, true)).isEmpty();
    }

    @Test
    void aFrontendWithAContextPathAndOddNamesAreEncoded() {
        assertThat(ApprovalLink.build("https://id.example.ru/auth", "школа 1", "portal&x=1", "https://a.ru", null, true))
                .hasValueSatisfying(link -> assertThat(link)
                        .startsWith("https://id.example.ru/auth/realms/%D1%88%D0%BA%D0%BE%D0%BB%D0%B0%201/protocol/")
                        .contains("client_id=portal%26x%3D1&"));
    }

    @Test
    void forAClientThatRequiresPkceTheLinkIsItsHomePage() {
        assertThat(ApprovalLink.homePage(FRONTEND, "https://school.example.ru/", "/diary")).contains("https://school.example.ru/diary");
        assertThat(ApprovalLink.homePage(FRONTEND, null, "https://school.example.ru/")).contains("https://school.example.ru/");
        assertThat(ApprovalLink.homePage(FRONTEND, null, null)).isEmpty();
        assertThat(ApprovalLink.homePage(null, "https://school.example.ru", null)).isEmpty();
    }
}
