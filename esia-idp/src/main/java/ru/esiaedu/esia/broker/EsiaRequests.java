package ru.esiaedu.esia.broker;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import ru.esiaedu.esia.crypto.RequestSigner;
import ru.esiaedu.esia.crypto.SigningException;
import ru.esiaedu.esia.protocol.ProtocolVersion;
import ru.esiaedu.esia.protocol.Rfc3986;
import ru.esiaedu.esia.protocol.SigningStrings;

/**
 * The two signed requests of ESIA's authorization-code flow, exactly as ESIA checks them: the
 * parameters, the string that is signed (order matters) and the signature format per protocol.
 */
final class EsiaRequests {

    private EsiaRequests() {
    }

    /** The values both requests share; {@code redirectUri} must be byte-identical in both. */
    record Common(ProtocolVersion protocol, String clientId, String scope, String scopeOrg,
                  String redirectUri, RequestSigner signer) {
    }

    /** Query string of the authorization request (v2 {@code /v2/ac} or v1 {@code /ac}). */
    static String authorizationQuery(Common common, String state, String timestamp) throws SigningException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", common.clientId());
        params.put("client_secret", sign(common, SigningStrings.authorizationV2(common.clientId(), common.scope(),
                common.scopeOrg(), timestamp, state, common.redirectUri()), state, timestamp));
        params.put("redirect_uri", common.redirectUri());
        params.put("scope", common.scope());
        if (!common.scopeOrg().isEmpty()) {
            params.put("scope_org", common.scopeOrg());
        }
        params.put("response_type", "code");
        params.put("state", state);
        params.put("timestamp", timestamp);
        params.put("access_type", "online");
        if (common.protocol() == ProtocolVersion.V2_V3) {
            params.put("client_certificate_hash", common.signer().certificateHash());
        }
        return Rfc3986.query(params);
    }

    /** Form parameters of the token request (v3 {@code /v3/te} or v1 {@code /te}); {@code state} is a new UUID. */
    static Map<String, String> tokenForm(Common common, String code, String state, String timestamp) throws SigningException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", common.clientId());
        form.put("code", code);
        form.put("grant_type", "authorization_code");
        if (common.protocol() == ProtocolVersion.V2_V3) {
            form.put("client_certificate_hash", common.signer().certificateHash());
        }
        form.put("client_secret", sign(common, SigningStrings.tokenV3(common.clientId(), common.scope(),
                common.scopeOrg(), timestamp, state, common.redirectUri(), code), state, timestamp));
        form.put("state", state);
        form.put("redirect_uri", common.redirectUri());
        form.put("scope", common.scope());
        if (!common.scopeOrg().isEmpty()) {
            form.put("scope_org", common.scopeOrg());
        }
        form.put("timestamp", timestamp);
        form.put("token_type", "Bearer");
        return form;
    }

    /** v2/v3 sign the given string raw; v1 signs its own shorter string as detached CMS. */
    private static String sign(Common common, String v2String, String state, String timestamp) throws SigningException {
        if (common.protocol() == ProtocolVersion.V1) {
            String v1String = SigningStrings.v1(common.scope(), timestamp, common.clientId(), state);
            return common.signer().signDetachedCms(v1String.getBytes(StandardCharsets.UTF_8));
        }
        return common.signer().signRaw(v2String.getBytes(StandardCharsets.UTF_8));
    }
}
