package ru.esiaedu.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.esiaedu.e2e.support.AdminApi;
import ru.esiaedu.e2e.support.KeycloakTestServer;
import ru.esiaedu.e2e.support.RealmFixture;

/**
 * The upgrade guide's {@code kcadm.sh} commands (docs/ru/upgrades.md), run as written against a realm of the previous
 * version: the demo realm without the consent step in its post-broker-login flow. Afterwards the flow has the step,
 * required, with its configuration — what a new version's flow step needs to reach an existing realm.
 */
class UpgradeCommandsE2ETest {

    private static final String REALM = "upgrade-check";
    private static final String FLOW = "esia post broker login";
    private static KeycloakTestServer keycloak;
    private static AdminApi admin;

    @BeforeAll
    static void anExistingRealmOfThePreviousVersion() throws IOException {
        keycloak = KeycloakTestServer.get();
        admin = keycloak.admin();
        ObjectNode realm = (ObjectNode) AdminApi.JSON.readTree(RealmFixture.withKeyFromVault(RealmFixture.load()));
        realm.put("realm", REALM);
        realm.remove("id");
        realm.remove("users");
        for (JsonNode flow : realm.withArray("authenticationFlows")) {
            if (FLOW.equals(flow.path("alias").asText())) {
                ArrayNode executions = (ArrayNode) flow.path("authenticationExecutions");
                for (int i = executions.size() - 1; i >= 0; i--) {
                    if ("esia-consent-check".equals(executions.get(i).path("authenticator").asText())) {
                        executions.remove(i);
                    }
                }
            }
        }
        realm.withArray("authenticatorConfig").removeIf(config -> "esia consent check".equals(config.path("alias").asText()));
        admin.importRealm(realm.toString());
    }

    @Test
    void theGuidesCommandsAddTheNewStepRequiredAndConfigured() throws Exception {
        assertThat(providers()).doesNotContain("esia-consent-check");
        List<String> commands = guideCommands();
        String config = keycloak.home().resolve("kcadm-config.json").toString();

        kcadm(config, "config", "credentials", "--server", keycloak.baseUrl(), "--realm", "master", "--user", "admin",
                "--password", "admin");
        kcadm(config, args(commands, "create \"authentication/flows/esia%20post%20broker%20login/executions/execution\""));
        String id = consentStep().path("id").asText();
        kcadm(config, args(commands, "update \"authentication/flows/esia%20post%20broker%20login/executions\"", id));
        kcadm(config, args(commands, "create \"authentication/executions/<id шага>/config\"", id));

        JsonNode step = consentStep();
        assertThat(step.path("requirement").asText()).isEqualTo("REQUIRED");
        JsonNode stepConfig = admin.get("/admin/realms/" + REALM + "/authentication/config/"
                + step.path("authenticationConfig").asText());
        assertThat(stepConfig.path("config").path("consentSource").asText()).isEqualTo("registry");
        assertThat(stepConfig.path("config").path("rolesRequiringConsent").asText()).isEqualTo("STUDENT");
    }

    /** The lines of the guide's command block that start with {@code $KCADM}, joined where they end in '\'. */
    private static List<String> guideCommands() throws IOException {
        String guide = Files.readString(Path.of(System.getProperty("user.dir")).resolve("../docs/ru/upgrades.md"),
                StandardCharsets.UTF_8).replace("\\\n", " ");
        List<String> commands = new ArrayList<>();
        for (String line : guide.split("\n")) {
            if (line.startsWith("$KCADM ")) {
                commands.add(line.substring("$KCADM ".length()).replaceAll(" +", " ").strip());
            }
        }
        assertThat(commands).as("kcadm commands in docs/ru/upgrades.md").hasSizeGreaterThanOrEqualTo(5);
        return commands;
    }

    /** The guide's command that starts with {@code prefix}, split like a shell would, for this realm and step id. */
    private static List<String> args(List<String> commands, String prefix, String... stepId) {
        String command = commands.stream().filter(c -> c.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("the guide has no command " + prefix));
        if (stepId.length > 0) {
            command = command.replace("<id шага>", stepId[0]);
        }
        List<String> args = new ArrayList<>();
        Matcher token = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(command);
        while (token.find()) {
            String value = token.group(1) != null ? token.group(1) : token.group(2) != null ? token.group(2) : token.group(3);
            args.add("school".equals(value) ? REALM : value);
        }
        return args;
    }

    private static void kcadm(String config, String... args) throws Exception {
        kcadm(config, List.of(args));
    }

    private static void kcadm(String config, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(keycloak.home().resolve("bin/kcadm.sh").toString()));
        command.addAll(args);
        command.add("--config");
        command.add(config);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("kcadm finished").isTrue();
        assertThat(process.exitValue()).as("kcadm %s: %s", args.get(0), output).isZero();
    }

    private static List<String> providers() {
        List<String> ids = new ArrayList<>();
        executions().forEach(e -> ids.add(e.path("providerId").asText()));
        return ids;
    }

    private static JsonNode consentStep() {
        for (JsonNode execution : executions()) {
            if ("esia-consent-check".equals(execution.path("providerId").asText())) {
                return execution;
            }
        }
        throw new AssertionError("no esia-consent-check step in " + FLOW);
    }

    private static JsonNode executions() {
        return admin.get("/admin/realms/" + REALM + "/authentication/flows/esia%20post%20broker%20login/executions");
    }
}
