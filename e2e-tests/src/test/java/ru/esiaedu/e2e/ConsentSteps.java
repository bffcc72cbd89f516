package ru.esiaedu.e2e;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.esiaedu.e2e.support.AdminApi;
import ru.esiaedu.e2e.support.SharedSmtp;

/** What the consent classes do with the realm and the mail server, as an operator or a parent's mailbox would. */
final class ConsentSteps {

    private ConsentSteps() {
    }

    /** «Источник согласий» of the consent-check step in the post-broker-login flow. */
    static void useConsentSource(AdminApi admin, String realm, String source) {
        for (JsonNode execution : admin.get("/admin/realms/" + realm
                + "/authentication/flows/esia%20post%20broker%20login/executions")) {
            if ("esia-consent-check".equals(execution.path("providerId").asText())) {
                String configId = execution.path("authenticationConfig").asText();
                ObjectNode config = (ObjectNode) admin.get("/admin/realms/" + realm + "/authentication/config/" + configId);
                ((ObjectNode) config.path("config")).put("consentSource", source);
                admin.put("/admin/realms/" + realm + "/authentication/config/" + configId, config);
                return;
            }
        }
        throw new AssertionError("no esia-consent-check execution in the post broker login flow");
    }

    /** Messages the test SMTP server received for this address. */
    static int mailsTo(String address) throws Exception {
        int count = 0;
        for (MimeMessage message : SharedSmtp.get().getReceivedMessages()) {
            for (Address to : message.getAllRecipients()) {
                if (to.toString().equalsIgnoreCase(address)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The values of one detail in the realm's events of this type written since {@code sinceMillis}. */
    static List<String> detailsSince(AdminApi admin, String realm, String type, String detail, long sinceMillis) {
        List<String> values = new ArrayList<>();
        for (JsonNode event : admin.get("/admin/realms/" + realm + "/events?type=" + type + "&max=500")) {
            if (event.path("time").asLong() >= sinceMillis - 1000 && event.path("details").has(detail)) {
                values.add(event.path("details").path(detail).asText());
            }
        }
        return values;
    }
}
