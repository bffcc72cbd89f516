package ru.esiaedu.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.esiaedu.e2e.support.HttpLogin;
import ru.esiaedu.e2e.support.KeycloakTestServer;
import ru.esiaedu.e2e.support.RealmFixture;
import ru.esiaedu.e2e.support.RegistrySql;
import ru.esiaedu.e2e.support.SchoolPortal;
import ru.esiaedu.e2e.support.SharedEmulator;
import ru.esiaedu.emulator.EsiaEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Keycloak nodes on one PostgreSQL, clustered by Keycloak itself (embedded Infinispan, the jdbc-ping discovery
 * of its default stack, loopback only), as a region runs them behind a load balancer. A login that starts on node A
 * (the login page, the redirect to Госуслуги) comes back from Госуслуги to node B: node B finds A's authentication
 * session, the ESIA state and the person, and the portal gets its tokens.
 *
 * <p>What must be the same on both nodes is tested by sending the steps of one login, or of an attacker, to both:
 * the link-attempt counters (wrong passwords sent round-robin still lock the old login), the ESIA state (an answer
 * is accepted once in the cluster), the access requests (the open request and the daily limit of a person) and
 * the students' consents of the {@code registry} consent source (given through node A, in force on node B;
 * revoked through node A, ended on node B). Each test would fail if that state were kept per node. ESIA persons
 * 1000300130–133 and the cards {@value #LEGACY_CARD} and {@value #ADULT_STUDENT_CARD} are this class's own.
 *
 * <p>Node B starts from a copy of node A's built home (no second {@code kc.sh build}): well under a minute, so the
 * class runs with the suite. The last test stops node B in the middle of a login.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterE2ETest {

    private static final String REALM = "school";
    private static final String PARENT = "1000300101";
    /** Guesses the password of an old login, sending each guess to the other node. */
    private static final String GUESSER = "1000300130";
    /** Knows that password and comes after the guesser, through node B. */
    private static final String KNOWS_THE_PASSWORD = "1000300131";
    /** Sends «Обратиться в организацию» through both nodes. */
    private static final String REQUESTER = "1000300132";
    /** A student of 20 who consents for himself (consent source {@code registry}); his card is found by SNILS. */
    private static final String ADULT_STUDENT = "1000300133";
    private static final String ADULT_STUDENT_CARD = "acc-e2e-cluster-gavrilov-sch1";
    private static final String REQUESTER_EMAIL = "s.mironov05@mail.ru";
    private static final String LEGACY_CARD = "acc-e2e-cluster-gym5";
    private static final String LEGACY_ORGANISATION = "gym-chel-5";
    private static final String LEGACY_LOGIN = "cluster.parent";
    /** The demo password of the card whose hash {@value #LEGACY_CARD} copies. */
    private static final String LEGACY_PASSWORD = "Sgo-2024!";
    private static final String WRONG_PASSWORD = "Неверный логин или пароль";
    private static final String LOCKED = "Слишком много неудачных попыток";
    private static final String USED_STATE = "ESIA login failed: ESIA answered with an unknown, expired or already used state";
    private static final String CONSENT_NEEDED = "Для входа в дневник необходимо согласие.";
    private static final Pattern REQUEST_NUMBER = Pattern.compile("Обращение № (\\S+) отправлено");

    private static KeycloakTestServer nodeA;
    private static KeycloakTestServer nodeB;
    private static EsiaEmulator emulator;

    @BeforeAll
    static void twoNodes() throws SQLException {
        nodeA = KeycloakTestServer.get();
        emulator = SharedEmulator.get();
        RealmFixture.importInto(nodeA, emulator.baseUrl());
        // A parent card of the old school system with the demo legacy password (the hash of a demo account).
        new RegistrySql(nodeA).execute("INSERT INTO sr_account (id, account_role, organisation_id, last_name, first_name,"
                + " last_name_norm, first_name_norm, legacy_login, password_hash, created_at) SELECT '" + LEGACY_CARD
                + "', 'PARENT', '" + LEGACY_ORGANISATION + "', 'Кластерова', 'Вера', 'КЛАСТЕРОВА', 'ВЕРА', '" + LEGACY_LOGIN
                + "', password_hash, CURRENT_TIMESTAMP FROM sr_account WHERE id = 'acc-zakharchenko-gym5'"
                + " ON CONFLICT DO NOTHING");
        // The adult student's card, with the SNILS Госуслуги send.
        new RegistrySql(nodeA).execute("INSERT INTO sr_account (id, account_role, organisation_id, last_name, first_name,"
                + " middle_name, last_name_norm, first_name_norm, middle_name_norm, birth_date, snils, created_at) VALUES ('"
                + ADULT_STUDENT_CARD + "', 'STUDENT', 'sch-chel-1', 'Гаврилов', 'Лев', 'Андреевич', 'ГАВРИЛОВ', 'ЛЕВ',"
                + " 'АНДРЕЕВИЧ', DATE '2006-03-15', '31045672133', CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING");
        nodeB = nodeA.startAnotherNode("node-b");
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.stopNode();
        }
    }

    @Test
    @Order(1)
    void theNodesFormOneCluster() throws Exception {
        // Infinispan's view on node B lists both nodes.
        assertThat(Files.readString(nodeB.logFile())).containsPattern("ISPN000094: Received new cluster view for channel ISPN: \\[[^\\]]*\\] \\(2\\)");
    }

    @Test
    @Order(2)
    void aLoginStartedOnNodeAThatReturnsToNodeBGetsIn() throws Exception {
        SchoolPortal portal = new SchoolPortal(nodeA.baseUrl(), REALM);
        HttpLogin device = new HttpLogin(portal, emulator.baseUrl());

        HttpLogin.Outcome fromEsia = device.signInAtEsia("parent", PARENT);
        assertThat(fromEsia.url()).as("Госуслуги send the device back to node A: %s", fromEsia).startsWith(nodeA.baseUrl());
        // The load balancer sends the way back to node B (same host name for the browser, another node).
        HttpLogin.Outcome onB = new HttpLogin.Outcome(fromEsia.url().replace(nodeA.baseUrl(), nodeB.baseUrl()), 302, null);
        HttpLogin.Outcome back = device.returnToKeycloak(onB);

        assertThat(back.backAtThePortalWithACode(portal)).as("where node B sent the device: %s", back).isTrue();
        // The portal talks to node A: it redeems the code node B issued.
        JsonNode tokens = portal.tokens(back.url());
        JsonNode access = SchoolPortal.claims(tokens.path("access_token").asText());
        assertThat(access.path("preferred_username").asText()).isEqualTo("esia-" + PARENT);
        assertThat(access.path("school_profile").path("role").asText()).isEqualTo("PARENT");
    }

    /** What one node knows, the other knows: the user session a login on node A made is listed by node B. */
    @Test
    @Order(3)
    void aSessionMadeOnNodeAIsSeenByNodeB() throws Exception {
        SchoolPortal portal = new SchoolPortal(nodeA.baseUrl(), REALM);
        HttpLogin.Outcome back = new HttpLogin(portal, emulator.baseUrl()).signIn("parent", PARENT);
        assertThat(back.backAtThePortalWithACode(portal)).as("where node A sent the device: %s", back).isTrue();
        JsonNode access = SchoolPortal.claims(portal.tokens(back.url()).path("access_token").asText());
        String sessionId = access.path("sid").asText();
        String userId = access.path("sub").asText();
        assertThat(sessionId).isNotBlank();

        JsonNode onB = nodeB.admin().get("/admin/realms/" + REALM + "/users/" + userId + "/sessions");
        assertThat(onB.findValuesAsText("id")).as("the user's sessions as node B lists them").contains(sessionId);
        assertThat(nodeB.admin().get("/admin/realms/" + REALM + "/users/" + userId).path("username").asText())
                .isEqualTo("esia-" + PARENT);
    }

    /**
     * «Привязать учётную запись»: the person who must not get in sends wrong passwords of an old login to node A and
     * node B in turn. The counters are the cluster's (Keycloak's single-use store), so the realm's failure factor
     * locks the form whatever node each guess reached: the right password is then refused on the node that saw
     * fewer guesses, for the guesser and for another ESIA person who tries the same old login there.
     */
    @Test
    @Order(4)
    void wrongPasswordsSentToBothNodesInTurnLockTheOldLoginOnBoth() throws Exception {
        int failureFactor = nodeA.admin().get("/admin/realms/" + REALM).path("failureFactor").asInt();
        assertThat(failureFactor).as("the demo realm's brute-force failure factor").isGreaterThan(1);
        SchoolPortal portal = new SchoolPortal(nodeA.baseUrl(), REALM);
        HttpLogin guesser = new HttpLogin(portal, emulator.baseUrl());
        HttpLogin.Outcome page = linkForm(guesser, GUESSER, nodeA);

        for (int attempt = 1; attempt <= failureFactor; attempt++) {
            KeycloakTestServer node = attempt % 2 == 1 ? nodeA : nodeB;
            page = guesser.submit(page, "kc-esia-link-form", linkFields("wrong-" + attempt), node.baseUrl());
            String text = HttpLogin.text(page.pageText());
            if (attempt < failureFactor) {
                assertThat(text).as("wrong password no. %d of %d, on %s", attempt, failureFactor, node.baseUrl())
                        .contains(WRONG_PASSWORD).doesNotContain(LOCKED);
            } else {
                assertThat(text).as("wrong password no. %d, on %s, after %d on the other node", attempt,
                        node.baseUrl(), failureFactor / 2).contains(LOCKED);
            }
        }
        // Node B saw fewer guesses than the failure factor; it refuses the right password all the same.
        page = guesser.submit(page, "kc-esia-link-form", linkFields(LEGACY_PASSWORD), nodeB.baseUrl());
        assertThat(page.backAtThePortalWithACode(portal)).as("the guesser with the right password: %s", page).isFalse();
        assertThat(HttpLogin.text(page.pageText())).contains(LOCKED);

        // The old login itself is locked on node B, for any ESIA person.
        HttpLogin other = new HttpLogin(portal.throughNode(nodeB.baseUrl(), REALM), emulator.baseUrl());
        HttpLogin.Outcome otherPage = other.submit(linkForm(other, KNOWS_THE_PASSWORD, nodeB), "kc-esia-link-form",
                linkFields(LEGACY_PASSWORD), nodeB.baseUrl());
        assertThat(otherPage.backAtThePortalWithACode(portal)).as("another person on node B: %s", otherPage).isFalse();
        assertThat(HttpLogin.text(otherPage.pageText())).contains(LOCKED);

        RegistrySql registry = new RegistrySql(nodeA);
        assertThat(registry.count("SELECT COUNT(*) FROM sr_account WHERE id = '" + LEGACY_CARD + "' AND esia_oid IS NULL"))
                .as("the old account is linked to nobody").isEqualTo(1);
        assertThat(registry.linkedAccounts(GUESSER)).isEmpty();
        assertThat(registry.linkedAccounts(KNOWS_THE_PASSWORD)).isEmpty();
    }

    /**
     * Госуслуги's answer (code and state) is accepted once in the cluster: whoever replays the address, on the
     * other node or on the node that issued the state, is refused because the state is used, not for some later
     * reason (the replaying device has no cookies of the login, as an attacker who copied the address).
     */
    @Test
    @Order(5)
    void anAnswerOfGosuslugiIsAcceptedOnceInTheCluster() throws Exception {
        SchoolPortal portal = new SchoolPortal(nodeA.baseUrl(), REALM);

        // Issued and used on node A, replayed on node B.
        HttpLogin device = new HttpLogin(portal, emulator.baseUrl());
        HttpLogin.Outcome fromEsia = device.signInAtEsia("parent", PARENT);
        assertThat(fromEsia.url()).as("Госуслуги send the device back to node A: %s", fromEsia).startsWith(nodeA.baseUrl());
        assertThat(device.returnToKeycloak(fromEsia).backAtThePortalWithACode(portal)).isTrue();
        assertThat(replay(fromEsia, nodeB, portal)).as("refusals of a used state in node B's log").isEqualTo(1);

        // Issued on node A, used on node B, replayed on node A.
        HttpLogin second = new HttpLogin(portal, emulator.baseUrl());
        HttpLogin.Outcome secondFromEsia = second.signInAtEsia("parent", PARENT);
        assertThat(second.returnToKeycloak(onNode(secondFromEsia, nodeB)).backAtThePortalWithACode(portal)).isTrue();
        assertThat(replay(secondFromEsia, nodeA, portal)).as("refusals of a used state in node A's log").isEqualTo(1);
    }

    /**
     * «Обратиться в организацию» through both nodes: the request sent through node A is the person's open request
     * at that school on node B too (its number again, no second request), and the daily limit of the step counts
     * the requests of both nodes.
     */
    @Test
    @Order(6)
    void aRequestSentThroughNodeAIsTheOpenRequestAndCountsTowardsTheDailyLimitOnNodeB() throws Exception {
        ObjectNode config = accessRequestConfig();
        ObjectNode limited = config.deepCopy();
        ((ObjectNode) limited.path("config")).put("requestsPerDay", "1");
        String configPath = "/admin/realms/" + REALM + "/authentication/config/" + config.path("id").asText();
        nodeA.admin().put(configPath, limited);
        try {
            assertThat(nodeB.admin().get(configPath).path("config").path("requestsPerDay").asText())
                    .as("the step's daily limit as node B reads it").isEqualTo("1");
            String number = requestNumber(sendRequest(nodeA, "sch-chel-1", "9А"));
            int mails = ConsentSteps.mailsTo(REQUESTER_EMAIL);
            assertThat(mails).as("notifications of the new request").isEqualTo(1);

            HttpLogin.Outcome another = sendRequest(nodeB, LEGACY_ORGANISATION, "9А");
            assertThat(HttpLogin.text(another.pageText())).as("a request to another organisation through node B")
                    .contains("Вы уже отправили максимальное число обращений за сутки")
                    .doesNotContain("Обращение №");
            HttpLogin.Outcome again = sendRequest(nodeB, "sch-chel-1", "9Б");
            assertThat(requestNumber(again)).as("the person's open request at this school, asked through node B")
                    .isEqualTo(number);
            // The registry mails only a new request: node B created none.
            assertThat(ConsentSteps.mailsTo(REQUESTER_EMAIL)).as("notifications after node B's answers").isEqualTo(mails);
            assertThat(new RegistrySql(nodeA).count("SELECT COUNT(*) FROM sr_access_request WHERE esia_oid = '"
                    + REQUESTER + "'")).as("requests of the person in the registry").isEqualTo(1);
        } finally {
            nodeA.admin().put(configPath, config);
        }
    }

    /**
     * Consent source {@code registry}: an adult student consents for himself on the consent page served by node A and
     * is let in by node B at his next login; he revokes it on the «Согласия» page served by node A, and node B stops
     * his next login at the consent page.
     */
    @Test
    @Order(7)
    void aConsentGivenThroughNodeALetsTheStudentInThroughNodeBUntilItIsRevokedThroughNodeA() throws Exception {
        ConsentSteps.useConsentSource(nodeA.admin(), REALM, "registry");
        try {
            SchoolPortal portal = new SchoolPortal(nodeA.baseUrl(), REALM);
            HttpLogin throughA = new HttpLogin(portal, emulator.baseUrl());
            HttpLogin.Outcome asked = throughA.signIn("student", ADULT_STUDENT);
            assertThat(HttpLogin.text(asked.pageText())).as("the first login through node A: %s", asked).contains(CONSENT_NEEDED);
            HttpLogin.Outcome consented = throughA.submit(asked, "esia-consent-self-form",
                    Map.of("consentAgree", "on", "action", "approve"), nodeA.baseUrl());
            assertThat(consented.backAtThePortalWithACode(portal)).as("after «Даю согласие» on node A: %s", consented).isTrue();

            HttpLogin.Outcome onB = new HttpLogin(portal.throughNode(nodeB.baseUrl(), REALM), emulator.baseUrl())
                    .signIn("student", ADULT_STUDENT);
            assertThat(onB.backAtThePortalWithACode(portal)).as("the next login, through node B: %s", onB).isTrue();

            // «Согласия» of the portal: Keycloak's page as an application-initiated action, on node A.
            HttpLogin.Outcome consents = throughA.open(portal.loginUrl(java.util.UUID.randomUUID().toString())
                    + "&kc_action=esia-consent-approval");
            Matcher revoke = Pattern.compile("value=\"(revoke:\\d+)\"").matcher(consents.pageText() == null ? "" : consents.pageText());
            assertThat(revoke.find()).as("a «Отозвать» button on node A's consents page: %s", consents).isTrue();
            HttpLogin.Outcome revoked = throughA.submit(consents, "esia-consent-approval-form",
                    Map.of("action", revoke.group(1)), nodeA.baseUrl());
            assertThat(HttpLogin.text(revoked.pageText())).as("after «Отозвать»: %s", revoked).contains("Согласие отозвано");

            HttpLogin.Outcome afterRevocation = new HttpLogin(portal.throughNode(nodeB.baseUrl(), REALM), emulator.baseUrl())
                    .signIn("student", ADULT_STUDENT);
            assertThat(afterRevocation.backAtThePortalWithACode(portal)).as("a login through node B after the revocation: %s",
                    afterRevocation).isFalse();
            assertThat(HttpLogin.text(afterRevocation.pageText())).contains(CONSENT_NEEDED);
        } finally {
            ConsentSteps.useConsentSource(nodeA.admin(), REALM, "esia");
        }
    }

    /**
     * Node B goes down (an update, a crash) after it sent the device to Госуслуги: the load balancer sends the way
     * back to node A, which holds a copy of B's authentication session, and the login ends as if nothing happened.
     */
    @Test
    @Order(10)
    void aLoginWhoseNodeStopsWhileThePersonIsAtGosuslugiEndsOnTheOtherNode() throws Exception {
        SchoolPortal portal = new SchoolPortal(nodeA.baseUrl(), REALM);
        HttpLogin device = new HttpLogin(portal.throughNode(nodeB.baseUrl(), REALM), emulator.baseUrl());
        HttpLogin.Outcome fromEsia = device.signInAtEsia("parent", PARENT);
        assertThat(fromEsia.url()).as("Госуслуги send the device back to node B: %s", fromEsia).startsWith(nodeB.baseUrl());

        nodeB.stopNode();
        HttpLogin.Outcome onA = new HttpLogin.Outcome(fromEsia.url().replace(nodeB.baseUrl(), nodeA.baseUrl()), 302, null);
        HttpLogin.Outcome back = device.returnToKeycloak(onA);

        assertThat(back.backAtThePortalWithACode(portal)).as("where node A sent the device: %s", back).isTrue();
        JsonNode access = SchoolPortal.claims(portal.tokens(back.url()).path("access_token").asText());
        assertThat(access.path("preferred_username").asText()).isEqualTo("esia-" + PARENT);
        assertThat(access.path("school_profile").path("role").asText()).isEqualTo("PARENT");
    }

    /** Signs {@code oid} in as a parent through the device's node, finds no card and opens «Привязать учётную запись». */
    private static HttpLogin.Outcome linkForm(HttpLogin device, String oid, KeycloakTestServer node) throws Exception {
        HttpLogin.Outcome notFound = device.signIn("parent", oid);
        assertThat(HttpLogin.text(notFound.pageText())).as("where %s ended", oid).contains("Запись не найдена");
        HttpLogin.Outcome form = device.submit(notFound, "esia-not-found-form", Map.of("action", "link"), node.baseUrl());
        assertThat(form.pageText()).as("the link form: %s", form).contains("kc-esia-link-form");
        return form;
    }

    private static Map<String, String> linkFields(String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("organisation", LEGACY_ORGANISATION);
        fields.put("username", LEGACY_LOGIN);
        fields.put("password", password);
        return fields;
    }

    /** A fresh login of {@link #REQUESTER} as a student through {@code node}, to «Обратиться в организацию» and «Отправить». */
    private static HttpLogin.Outcome sendRequest(KeycloakTestServer node, String organisationId, String className)
            throws Exception {
        HttpLogin device = new HttpLogin(new SchoolPortal(nodeA.baseUrl(), REALM).throughNode(node.baseUrl(), REALM),
                emulator.baseUrl());
        HttpLogin.Outcome notFound = device.signIn("student", REQUESTER);
        assertThat(HttpLogin.text(notFound.pageText())).as("where the requester ended").contains("Запись не найдена");
        HttpLogin.Outcome form = device.submit(notFound, "esia-not-found-form", Map.of("action", "request"), node.baseUrl());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("childFullName", "Миронов Степан Викторович");
        fields.put("organisationType", "SCHOOL");
        fields.put("organisationId", organisationId);
        fields.put("className", className);
        fields.put("contactEmail", REQUESTER_EMAIL);
        return device.submit(form, "kc-esia-request-form", fields, node.baseUrl());
    }

    private static String requestNumber(HttpLogin.Outcome page) {
        Matcher number = REQUEST_NUMBER.matcher(HttpLogin.text(page.pageText()));
        assertThat(number.find()).as("a request number on %s", page).isTrue();
        return number.group(1);
    }

    /** The «Обратиться в организацию» step's config of the first-broker-login flow. */
    private static ObjectNode accessRequestConfig() {
        for (JsonNode execution : nodeA.admin().get("/admin/realms/" + REALM
                + "/authentication/flows/esia%20first%20broker%20login%20request/executions")) {
            if ("esia-access-request".equals(execution.path("providerId").asText())) {
                return (ObjectNode) nodeA.admin().get("/admin/realms/" + REALM + "/authentication/config/"
                        + execution.path("authenticationConfig").asText());
            }
        }
        throw new AssertionError("no esia-access-request execution in the first broker login request flow");
    }

    /** The same redirect of Госуслуги, sent to another node (the load balancer's choice). */
    private static HttpLogin.Outcome onNode(HttpLogin.Outcome fromEsia, KeycloakTestServer node) {
        String url = fromEsia.url();
        return new HttpLogin.Outcome(node.baseUrl() + url.substring(url.indexOf("/realms/")), 302, null);
    }

    /**
     * Replays an answer of Госуслуги on {@code node} from a device without the login's cookies; asserts it ends
     * nowhere near the portal and returns how many more used-state refusals the node has logged since.
     */
    private static long replay(HttpLogin.Outcome fromEsia, KeycloakTestServer node, SchoolPortal portal) throws Exception {
        long before = logged(node, USED_STATE);
        HttpLogin.Outcome replayed = new HttpLogin(portal, emulator.baseUrl()).returnToKeycloak(onNode(fromEsia, node));
        assertThat(replayed.backAtThePortalWithACode(portal)).as("the replay on %s: %s", node.baseUrl(), replayed).isFalse();
        // The log is written by another process: give it a moment to reach the file.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long after = logged(node, USED_STATE);
        while (after == before && System.nanoTime() < deadline) {
            Thread.sleep(200);
            after = logged(node, USED_STATE);
        }
        return after - before;
    }

    /** How often the node's log says {@code text}. */
    private static long logged(KeycloakTestServer node, String text) throws Exception {
        String log = new String(Files.readAllBytes(node.logFile()), StandardCharsets.UTF_8);
        return log.lines().filter(line -> line.contains(text)).count();
    }
}
