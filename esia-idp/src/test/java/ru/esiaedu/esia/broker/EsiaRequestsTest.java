package ru.esiaedu.esia.broker;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.esiaedu.esia.crypto.RequestSigner;
import ru.esiaedu.esia.protocol.ProtocolVersion;

import static org.assertj.core.api.Assertions.assertThat;

class EsiaRequestsTest {

    private static final String STATE = "9b0a0b34-5b4f-4a8e-9d2b-2a0a6a4f5e11";
    private static final String TIMESTAMP = "2026.11.22 21:00:00 +0300";
    private static final String REDIRECT = "http://localhost:8080/realms/school/broker/esia/endpoint";

    /** Records what it was asked to sign so the test sees the exact signed string. */
    static final class RecordingSigner implements RequestSigner {
        final List<String> raw = new ArrayList<>();
        final List<String> cms = new ArrayList<>();

        @Override
        public String signRaw(byte[] content) {
            raw.add(new String(content, StandardCharsets.UTF_8));
            return "RAW" + raw.size();
        }

        @Override
        public String signDetachedCms(byte[] content) {
            cms.add(new String(content, StandardCharsets.UTF_8));
            return "CMS" + cms.size();
        }

        @Override
        public String certificateHash() {
            return "AB".repeat(32);
        }
    }

    private static EsiaRequests.Common common(ProtocolVersion protocol, String scopeOrg, RecordingSigner signer) {
        return new EsiaRequests.Common(protocol, "SCHOOL01", "openid fullname snils", scopeOrg, REDIRECT, signer);
    }

    @Test
    void v2AuthorizationSignsClientScopeScopeOrgTimestampStateRedirectInThatOrder() throws Exception {
        RecordingSigner signer = new RecordingSigner();
        String query = EsiaRequests.authorizationQuery(common(ProtocolVersion.V2_V3, "", signer), STATE, TIMESTAMP);

        assertThat(signer.raw).containsExactly("SCHOOL01" + "openid fullname snils" + "" + TIMESTAMP + STATE + REDIRECT);
        assertThat(signer.cms).isEmpty();
        Map<String, String> params = parse(query);
        assertThat(params).containsEntry("client_id", "SCHOOL01")
                .containsEntry("client_secret", "RAW1")
                .containsEntry("redirect_uri", REDIRECT)
                .containsEntry("scope", "openid fullname snils")
                .containsEntry("response_type", "code")
                .containsEntry("state", STATE)
                .containsEntry("timestamp", TIMESTAMP)
                .containsEntry("access_type", "online")
                .containsEntry("client_certificate_hash", "AB".repeat(32))
                .doesNotContainKey("scope_org");
    }

    @Test
    void timestampPlusAndSpacesArePercentEncodedSoEsiaDoesNotReadThemAsSpaces() throws Exception {
        String query = EsiaRequests.authorizationQuery(common(ProtocolVersion.V2_V3, "", new RecordingSigner()), STATE, TIMESTAMP);

        assertThat(query).contains("timestamp=2026.11.22%2021%3A00%3A00%20%2B0300")
                .contains("scope=openid%20fullname%20snils")
                .doesNotContain("+");
    }

    @Test
    void scopeOrgIsSignedAndSentWhenConfigured() throws Exception {
        RecordingSigner signer = new RecordingSigner();
        String query = EsiaRequests.authorizationQuery(common(ProtocolVersion.V2_V3, "org_shortname", signer), STATE, TIMESTAMP);

        assertThat(signer.raw.get(0)).isEqualTo("SCHOOL01openid fullname snilsorg_shortname" + TIMESTAMP + STATE + REDIRECT);
        assertThat(parse(query)).containsEntry("scope_org", "org_shortname");
    }

    @Test
    void v3TokenRequestAppendsTheCodeToTheSignedStringAndKeepsRedirectUriIdentical() throws Exception {
        RecordingSigner signer = new RecordingSigner();
        String newState = "0f3c5d6e-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
        Map<String, String> form = EsiaRequests.tokenForm(common(ProtocolVersion.V2_V3, "", signer), "CODE-1", newState, TIMESTAMP);

        assertThat(signer.raw).containsExactly("SCHOOL01openid fullname snils" + TIMESTAMP + newState + REDIRECT + "CODE-1");
        assertThat(form).containsEntry("grant_type", "authorization_code")
                .containsEntry("code", "CODE-1")
                .containsEntry("state", newState)
                .containsEntry("redirect_uri", REDIRECT)
                .containsEntry("token_type", "Bearer")
                .containsEntry("client_certificate_hash", "AB".repeat(32))
                .containsEntry("client_secret", "RAW1");
    }

    @Test
    void v1SignsScopeTimestampClientStateAsDetachedCmsWithoutCertificateHash() throws Exception {
        RecordingSigner signer = new RecordingSigner();
        String query = EsiaRequests.authorizationQuery(common(ProtocolVersion.V1, "", signer), STATE, TIMESTAMP);
        Map<String, String> form = EsiaRequests.tokenForm(common(ProtocolVersion.V1, "", signer), "C", STATE, TIMESTAMP);

        assertThat(signer.raw).isEmpty();
        assertThat(signer.cms).containsExactly("openid fullname snils" + TIMESTAMP + "SCHOOL01" + STATE,
                "openid fullname snils" + TIMESTAMP + "SCHOOL01" + STATE);
        assertThat(parse(query)).containsEntry("client_secret", "CMS1").doesNotContainKey("client_certificate_hash");
        assertThat(form).containsEntry("client_secret", "CMS2").doesNotContainKey("client_certificate_hash");
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return params;
    }
}
