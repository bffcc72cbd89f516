package ru.esiaedu.e2e;

import java.nio.file.Files;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import ru.esiaedu.e2e.support.HttpLogin;
import ru.esiaedu.e2e.support.KeycloakTestServer;
import ru.esiaedu.e2e.support.RealmFixture;
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
 * <p>Node B starts from a copy of node A's built home (no second {@code kc.sh build}): well under a minute, so the
 * class runs with the suite. The last test stops node B in the middle of a login.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterE2ETest {

    private static final String REALM = "school";
    private static final String PARENT = "1000300101";

    private static KeycloakTestServer nodeA;
    private static KeycloakTestServer nodeB;
    private static EsiaEmulator emulator;

    @BeforeAll
    static void twoNodes() {
        nodeA = KeycloakTestServer.get();
        emulator = SharedEmulator.get();
        RealmFixture.importInto(nodeA, emulator.baseUrl());
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
     * Node B goes down (an update, a crash) after it sent the device to Госуслуги: the load balancer sends the way
     * back to node A, which holds a copy of B's authentication session, and the login ends as if nothing happened.
     */
    @Test
    @Order(4)
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
}
