package ru.esiaedu.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.esiaedu.e2e.support.E2e;
import ru.esiaedu.e2e.support.RegistrySql;
import ru.esiaedu.e2e.support.SharedSmtp;

/**
 * The consent request mail of the {@code registry} source when the mail server is down at the moment the request is
 * opened: the request is kept, the page says the mail did not go, the failure is an event, and the mail goes out at
 * the student's next login once the server is back — once, not at every login, and «Отправить письмо ещё раз» cannot
 * be used to flood the parents.
 *
 * <p>Person: 1000300109 (12, account {@code acc-sokolov-gym5}); his mother's account {@code acc-sokolova-gym5} has
 * the address {@code e.sokolova79@yandex.ru}. No other class asks the registry source about him.
 */
class ConsentMailRetryE2ETest extends SchoolRealmBrowserTest {

    private static final String CHILD_12 = "1000300109";
    private static final String CHILD_ACCOUNT = "acc-sokolov-gym5";
    private static final String MOTHER_MAIL = "e.sokolova79@yandex.ru";

    private static final String MINOR_LEAD = "Для входа в дневник нужно согласие одного из родителей.";
    private static final String MAILED = "родителям придут письма на электронную почту";
    private static final String MAIL_FAILED = "письмо родителям сейчас отправить не удалось";
    private static final String RESEND_LATER = "Отправить его ещё раз можно не чаще одного раза в час";

    @BeforeAll
    static void consentsOnThePlatform() {
        ConsentSteps.useConsentSource(admin, REALM, "registry");
    }

    @AfterAll
    static void consentsBackInGosuslugi() {
        ConsentSteps.useConsentSource(admin, REALM, "esia");
    }

    @Test
    void aMailLostToAnSmtpOutageGoesOutAtTheNextLoginOnceAndResendingCannotFloodTheParents() throws Exception {
        int mailsBefore = ConsentSteps.mailsTo(MOTHER_MAIL);
        long since = System.currentTimeMillis();

        // The mail server refuses connections while the request is opened.
        JsonNode realm = admin.get("/admin/realms/" + REALM);
        ObjectNode broken = realm.deepCopy();
        ((ObjectNode) broken.with("smtpServer")).put("port", Integer.toString(E2e.freePort()));
        admin.put("/admin/realms/" + REALM, broken);
        String outage;
        try {
            outage = signInAsStudentAndWaitFor(CHILD_12, MINOR_LEAD);
        } finally {
            admin.put("/admin/realms/" + REALM, realm);
        }
        assertThat(outage).contains(MAIL_FAILED).doesNotContain(MAILED);
        assertThat(pendingRequests()).isEqualTo(1);
        assertThat(ConsentSteps.mailsTo(MOTHER_MAIL)).isEqualTo(mailsBefore);
        assertThat(ConsentSteps.detailsSince(admin, REALM, "LOGIN_ERROR", "consent_mail", since)).contains("failed");

        // The server is back: the student's next login sends the mail the parents never got.
        BROWSER.get().deleteAllCookies();
        long retried = System.currentTimeMillis();
        int allMails = SharedSmtp.get().getReceivedMessages().length;
        assertThat(signInAsStudentAndWaitFor(CHILD_12, MINOR_LEAD)).contains(MAILED).doesNotContain(MAIL_FAILED);
        assertThat(SharedSmtp.get().waitForIncomingEmail(20_000, allMails + 1)).isTrue();
        assertThat(ConsentSteps.mailsTo(MOTHER_MAIL)).isEqualTo(mailsBefore + 1);
        assertThat(pendingRequests()).as("the same request, not a new one").isEqualTo(1);
        assertThat(ConsentSteps.detailsSince(admin, REALM, "LOGIN_ERROR", "consent_mail", retried)).contains("sent");

        // Delivered: later logins send nothing more, and «Отправить письмо ещё раз» right away is refused.
        BROWSER.get().deleteAllCookies();
        assertThat(signInAsStudentAndWaitFor(CHILD_12, MINOR_LEAD)).contains(MAILED);
        pages.press("esia-consent-resend");
        assertThat(pages.waitForText(RESEND_LATER)).contains(MINOR_LEAD);
        assertThat(ConsentSteps.mailsTo(MOTHER_MAIL)).isEqualTo(mailsBefore + 1);
        assertThat(ConsentSteps.detailsSince(admin, REALM, "LOGIN_ERROR", "consent_mail", retried)).contains("too_soon");
    }

    private static long pendingRequests() throws Exception {
        return new RegistrySql(keycloak).count("SELECT COUNT(*) FROM sr_consent_request WHERE student_account_id = '"
                + CHILD_ACCOUNT + "' AND status = 'PENDING'");
    }

    private String signInAsStudentAndWaitFor(String oid, String text) {
        BROWSER.get().open(portal.loginUrl(UUID.randomUUID().toString()) + "&role=student");
        pages.signInAs(oid).grantIfAsked();
        return pages.waitForText(text);
    }
}
