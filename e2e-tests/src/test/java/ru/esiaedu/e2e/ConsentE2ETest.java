package ru.esiaedu.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import ru.esiaedu.e2e.support.A11yCheck;
import ru.esiaedu.e2e.support.RegistrySql;
import ru.esiaedu.e2e.support.Screenshots;
import ru.esiaedu.e2e.support.SharedPortal;
import ru.esiaedu.e2e.support.SharedSmtp;
import ru.esiaedu.emulator.ConsentRequestView;
import ru.esiaedu.emulator.Fault;

/**
 * The consent rule end to end («для входа в дневник нужно согласие»): students get in only with a consent, checked at every login. Gosuslugi's side is the
 * emulator's «Согласия и доверенности»; the {@code registry} source's side is our approval page and e-mail.
 *
 * <p>Persons: 1000300105 (10, child account; parents 1000300101 and 1000300110), 1000300104 (15; the same
 * parents), 1000300103 (19). Only this class signs 1000300110 in (as a parent: his registry accounts get linked)
 * and uses the registry source. The class resets the emulator's consents first; other classes grant what their
 * students need in their own set-up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsentE2ETest extends SchoolRealmBrowserTest {

    private static final String CLIENT = "SCHOOL01";
    private static final String MOTHER = "1000300101";
    private static final String FATHER = "1000300110";
    private static final String CHILD_10 = "1000300105";
    private static final String TEEN_15 = "1000300104";
    private static final String STUDENT_19 = "1000300103";
    private static final String CHILD_10_ACCOUNT = "acc-dzhalilova-gym5";
    private static final String FATHER_ACCOUNT = "acc-dzhalilov-t-gym5";

    private static final String MINOR_LEAD = "Для входа в дневник нужно согласие одного из родителей.";
    private static final String MINOR_GOSUSLUGI = "Согласия уже запрошены автоматически — родителям в их личные кабинеты"
            + " на портале Госуслуг придут уведомления. Чтобы выдать согласие, одному из родителей нужно перейти по"
            + " ссылке из уведомления.";
    private static final String ADULT_LEAD = "Для входа в дневник необходимо согласие.";
    private static final String ADULT_GOSUSLUGI = "Перейдите по ссылке из уведомления, направленного в ваш личный"
            + " кабинет на Госуслугах.";

    @BeforeAll
    static void noConsentsYet() {
        emulator.consents().reset();
    }

    @Test
    @Order(1)
    void aChildUnder14GetsInOnlyWhileAParentsConsentIsInForce() {
        String page = signInAsStudentAndWaitFor(CHILD_10, MINOR_LEAD);
        assertThat(page).contains(MINOR_LEAD, MINOR_GOSUSLUGI);
        check("30-consent-required-child");

        List<ConsentRequestView> requests = emulator.consents().requests(CHILD_10);
        assertThat(requests).hasSize(1);
        String requestId = requests.get(0).id();
        assertThat(requests.get(0).recipients()).containsExactlyInAnyOrder(MOTHER, FATHER);
        assertThat(requests.get(0).status()).isEqualTo("PENDING");

        // Impatience: «Согласие получено — войти» and a whole new login ask nobody twice.
        pages.press("esia-consent-recheck");
        assertThat(pages.waitForText("Согласие пока не получено")).contains(MINOR_LEAD);
        BROWSER.get().deleteAllCookies();
        signInAsStudentAndWaitFor(CHILD_10, MINOR_LEAD);
        assertThat(emulator.consents().requests(CHILD_10)).hasSize(1);
        assertThat(notificationsAbout(MOTHER, requestId)).isEqualTo(1);
        assertThat(notificationsAbout(FATHER, requestId)).isEqualTo(1);

        // Both parents find the request in «Согласия и доверенности»; the father approves.
        BROWSER.get().deleteAllCookies();
        pages.openGosuslugiAs("/profile/consents", MOTHER);
        assertThat(BROWSER.get().driver().findElements(By.id("approve-" + requestId))).isNotEmpty();
        BROWSER.get().deleteAllCookies();
        pages.openGosuslugiAs("/profile/consents", FATHER);
        Screenshots.take(BROWSER.get(), "31-gosuslugi-consents-parent");
        pages.clickVisible(By.id("approve-" + requestId));
        assertThat(pages.waitForText("Согласие выдано")).contains("Согласие выдано");

        BROWSER.get().deleteAllCookies();
        signInAsStudent(CHILD_10);
        assertThat(pages.waitForUrl(portal::isRedirectBack)).contains("code=");

        // The mother revokes it: the next login stops again and asks anew.
        BROWSER.get().deleteAllCookies();
        pages.openGosuslugiAs("/profile/consents", MOTHER);
        pages.clickVisible(By.cssSelector("[id^='revoke-']"));
        assertThat(pages.waitForText("Согласие отозвано")).contains("Согласие отозвано");

        BROWSER.get().deleteAllCookies();
        assertThat(signInAsStudentAndWaitFor(CHILD_10, MINOR_LEAD)).contains(MINOR_GOSUSLUGI);
        assertThat(emulator.consents().requests(CHILD_10)).hasSize(2);
        assertThat(loginErrors("consent_required")).isGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(2)
    void aTeenGetsInAfterAParentApprovesFromTheNotification() {
        assertThat(signInAsStudentAndWaitFor(TEEN_15, MINOR_LEAD)).contains(MINOR_GOSUSLUGI);
        ConsentRequestView request = emulator.consents().requests(TEEN_15).get(0);
        assertThat(request.recipients()).containsExactlyInAnyOrder(MOTHER, FATHER);

        // The father follows the link in his notification, reads the request and confirms.
        BROWSER.get().deleteAllCookies();
        pages.openGosuslugiAs("/profile/notifications", FATHER);
        Screenshots.take(BROWSER.get(), "32-gosuslugi-notifications");
        pages.clickVisible(By.cssSelector("a[href*='" + request.id() + "']"));
        pages.clickVisible(By.id("approve-" + request.id()));
        pages.waitForText("Согласие выдано");

        BROWSER.get().deleteAllCookies();
        signInAsStudent(TEEN_15);
        assertThat(pages.waitForUrl(portal::isRedirectBack)).contains("code=");

        // Keycloak's SSO session does not outlive a revocation: the next login goes through ESIA and stops.
        emulator.consents().revokeAll(TEEN_15);
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()));
        assertThat(pages.waitForText(MINOR_LEAD)).contains(MINOR_GOSUSLUGI);
    }

    @Test
    @Order(3)
    void anAdultStudentApprovesTheirOwnRequestInGosuslugi() {
        String page = signInAsStudentAndWaitFor(STUDENT_19, ADULT_LEAD);
        assertThat(page).contains(ADULT_LEAD, ADULT_GOSUSLUGI).doesNotContain("родител");
        check("33-consent-required-adult");
        ConsentRequestView request = emulator.consents().requests(STUDENT_19).get(0);
        assertThat(request.recipients()).containsExactly(STUDENT_19);

        BROWSER.get().deleteAllCookies();
        pages.openGosuslugiAs("/profile/consents", STUDENT_19);
        pages.clickVisible(By.id("approve-" + request.id()));
        pages.waitForText("Согласие выдано");

        BROWSER.get().deleteAllCookies();
        signInAsStudent(STUDENT_19);
        assertThat(pages.waitForUrl(portal::isRedirectBack)).contains("code=");
    }

    @Test
    @Order(4)
    void decliningGosuslugiAccessRightsAtTheFirstLoginShowsAClearPageAndStoresNothing() {
        emulator.forgetAccessGrants(FATHER);
        int users = admin.userCount(REALM);
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()) + "&role=parent");
        pages.signInAs(FATHER);
        Screenshots.take(BROWSER.get(), "34-esia-access-rights");
        pages.deny();

        assertThat(pages.waitForText("отменён")).contains("Вход через Госуслуги отменён");
        assertThat(admin.users(REALM, "esia-" + FATHER)).isEmpty();
        assertThat(admin.userCount(REALM)).isEqualTo(users);
        check("35-esia-access-declined");
    }

    @Test
    @Order(5)
    void parentsPassWithoutAnyConsentCheck() {
        signInAsParent(FATHER);
        assertThat(pages.waitForUrl(portal::isRedirectBack)).contains("code=");
        assertThat(emulator.consents().requests(FATHER)).isEmpty();

        // A parent's SSO session is reused as usual: back at once, ESIA not asked.
        emulator.clearRequests();
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()) + "&role=parent");
        assertThat(pages.waitForUrl(portal::isRedirectBack)).contains("code=");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    @Order(6)
    void withTheRegistrySourceAParentApprovesOnOurPageAfterTheEmailAndCanRevoke() throws Exception {
        useConsentSource("registry");
        try {
            int mailsBefore = SharedSmtp.get().getReceivedMessages().length;
            int requestsBefore = emulator.consents().requests(CHILD_10).size();
            String page = signInAsStudentAndWaitFor(CHILD_10, MINOR_LEAD);
            assertThat(page).contains("родителям придут письма на электронную почту").doesNotContain("Госуслуг придут");
            check("36-consent-required-registry");
            assertThat(emulator.consents().requests(CHILD_10)).as("ESIA is not asked").hasSize(requestsBefore);

            // The portal requires PKCE, so the e-mail links to the portal's home page; the parent signs in there.
            String portalHome = SharedPortal.get(keycloak).baseUrl();
            String link = linkMailedTo("t.dzhalilov@example.ru", mailsBefore);
            assertThat(link).startsWith(portalHome);

            BROWSER.get().deleteAllCookies();
            BROWSER.get().open(link);
            pages.press("portal-login-parent");
            pages.signInAs(FATHER).grantIfAsked();
            chooseProfileIfAsked(FATHER_ACCOUNT);
            pages.waitForText("Согласия на обработку данных детей");
            check("37-consent-approval-registry");
            pages.clickVisible(By.cssSelector("[id^='approve-']"));
            pages.waitForText("Согласие выдано");
            pages.clickVisible(By.id("continue"));
            assertThat(pages.waitForText("Вы вошли как")).contains("Джалилов Егор");
            assertThat(registry().count("SELECT COUNT(*) FROM sr_consent WHERE student_account_id = '" + CHILD_10_ACCOUNT
                    + "' AND revoked_at IS NULL AND grantor_account_id = '" + FATHER_ACCOUNT + "'")).isEqualTo(1);

            BROWSER.get().deleteAllCookies();
            signInAsStudent(CHILD_10);
            assertThat(pages.waitForUrl(portal::isRedirectBack)).contains("code=");

            JsonNode records = admin.get("/admin/realms/" + REALM + "/esia-consents?student=" + CHILD_10_ACCOUNT);
            assertThat(records).hasSize(1);
            assertThat(records.get(0).path("revokedAt").isNull() || records.get(0).path("revokedAt").isMissingNode())
                    .as("active: %s", records).isTrue();

            // Revocation: the portal's «Согласия» link starts the same page as an application-initiated action.
            BROWSER.get().deleteAllCookies();
            BROWSER.get().open(portalHome + "/consents");
            pages.signInAs(FATHER).grantIfAsked();
            chooseProfileIfAsked(FATHER_ACCOUNT);
            pages.clickVisible(By.cssSelector("[id^='revoke-']"));
            pages.waitForText("Согласие отозвано");
            assertThat(registry().count("SELECT COUNT(*) FROM sr_consent WHERE student_account_id = '" + CHILD_10_ACCOUNT
                    + "' AND revoked_at IS NOT NULL")).isEqualTo(1);

            // The child is stopped again: the consent page, not the portal.
            BROWSER.get().deleteAllCookies();
            assertThat(signInAsStudentAndWaitFor(CHILD_10, MINOR_LEAD)).contains("родителям придут письма на электронную почту");
            assertThat(portal.isRedirectBack(BROWSER.get().currentUrl())).as(BROWSER.get().currentUrl()).isFalse();
            assertThat(admin.get("/admin/realms/" + REALM + "/esia-consents?student=" + CHILD_10_ACCOUNT))
                    .as("the revoked consent is kept").hasSize(1);
        } finally {
            useConsentSource("esia");
        }
    }

    @Test
    @Order(7)
    void whenGosuslugiConsentsAreDownTheStudentSeesARussianPageAndRetriesWithoutLosingAnything() {
        emulator.faults().next(Fault.CONSENT_500);
        String page = signInAsStudentAndWaitFor(STUDENT_19, "Не удалось проверить согласие");
        assertThat(page).contains("сервис согласий сейчас не отвечает").doesNotContain("Exception");
        check("38-consent-unavailable");
        assertThat(loginErrors("consent_source_unavailable")).isGreaterThanOrEqualTo(1);

        // The fault is over: «Повторить» lets him in with the consent he gave in test 3.
        pages.press("esia-consent-retry");
        assertThat(pages.waitForUrl(portal::isRedirectBack)).contains("code=");
        assertThat(emulator.consents().requests(STUDENT_19)).hasSize(1);
    }

    /** The second parent has a parent profile in two schools: the picker asks which one. */
    private void signInAsParent(String oid) {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()) + "&role=parent");
        pages.signInAs(oid).grantIfAsked();
        chooseProfileIfAsked(FATHER_ACCOUNT);
    }

    private void chooseProfileIfAsked(String accountId) {
        By profile = By.cssSelector("button[name='profile'][value='" + accountId + "']");
        String page = pages.waitForAnyText("Выберите", "Согласия на обработку данных детей", "issuer");
        if (!BROWSER.get().driver().findElements(profile).isEmpty()) {
            pages.clickVisible(profile);
        } else if (page.contains("Выберите")) {
            throw new AssertionError("no profile " + accountId + " on the picker: " + page);
        }
    }

    /** One of our pages: the accessibility check, then phone and desktop screenshots. */
    private static void check(String name) {
        A11yCheck.assertPasses(BROWSER.get(), name);
        Screenshots.take(BROWSER.get(), name);
    }

    private static RegistrySql registry() {
        return new RegistrySql(keycloak);
    }

    private void signInAsStudent(String oid) {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()) + "&role=student");
        pages.signInAs(oid).grantIfAsked();
    }

    private String signInAsStudentAndWaitFor(String oid, String text) {
        signInAsStudent(oid);
        return pages.waitForText(text);
    }

    private static long notificationsAbout(String oid, String requestId) {
        return emulator.consents().notificationsOf(oid).stream()
                .filter(notification -> requestId.equals(notification.requestId()))
                .count();
    }

    private static long loginErrors(String error) {
        long count = 0;
        for (JsonNode event : admin.get("/admin/realms/" + REALM + "/events?type=LOGIN_ERROR&max=500")) {
            if (error.equals(event.path("error").asText())) {
                count++;
            }
        }
        return count;
    }

    private static void useConsentSource(String source) {
        for (JsonNode execution : admin.get("/admin/realms/" + REALM
                + "/authentication/flows/esia%20post%20broker%20login/executions")) {
            if ("esia-consent-check".equals(execution.path("providerId").asText())) {
                String configId = execution.path("authenticationConfig").asText();
                ObjectNode config = (ObjectNode) admin.get("/admin/realms/" + REALM + "/authentication/config/" + configId);
                ((ObjectNode) config.path("config")).put("consentSource", source);
                admin.put("/admin/realms/" + REALM + "/authentication/config/" + configId, config);
                return;
            }
        }
        throw new AssertionError("no esia-consent-check execution in the post broker login flow");
    }

    private static String linkMailedTo(String address, int mailsBefore) throws Exception {
        assertThat(SharedSmtp.get().waitForIncomingEmail(20_000, mailsBefore + 1)).isTrue();
        List<String> bodies = new ArrayList<>();
        for (MimeMessage message : SharedSmtp.get().getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                bodies.add(text(message));
            }
        }
        assertThat(bodies).isNotEmpty();
        String body = bodies.get(bodies.size() - 1);
        Matcher link = Pattern.compile("https?://[^\\s\"<>]+").matcher(body);
        assertThat(link.find()).as("a link in %s", body).isTrue();
        return link.group();
    }

    /** The first (plain-text) part, transfer encoding undone. */
    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof MimeMultipart multipart) {
            try (var in = multipart.getBodyPart(0).getInputStream()) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return content.toString();
    }
}
