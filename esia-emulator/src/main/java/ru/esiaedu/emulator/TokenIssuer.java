package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/** Builds and signs ESIA-shaped access and id tokens; also applies the token faults that alter them. */
final class TokenIssuer {
    static final long LIFETIME_SECONDS = 3600;

    private final TokenSigner signer;
    private final Clock clock;
    private final String issuer;
    private final String algorithm;

    TokenIssuer(TokenSigner signer, Clock clock, String issuer, String algorithm) {
        this.signer = signer;
        this.clock = clock;
        this.issuer = issuer;
        this.algorithm = algorithm;
    }

    /**
     * The token response body. {@code fault} may be TOKEN_FORGED_SIGNATURE, TOKEN_EXPIRED, TOKEN_WRONG_ISSUER,
     * TOKEN_WRONG_AUDIENCE or TOKEN_NO_SUBJECT (others are handled before issuing), or null.
     */
    ObjectNode response(AuthorizationRequest req, Person person, String refreshToken, String state, Fault fault) {
        long now = clock.instant().getEpochSecond();
        if (fault == Fault.TOKEN_EXPIRED) {
            now -= 2 * LIFETIME_SECONDS; // issued two hours ago, expired one hour ago
        }
        String clientId = fault == Fault.TOKEN_WRONG_AUDIENCE ? "OTHER01" : req.client().clientId();
        String iss = fault == Fault.TOKEN_WRONG_ISSUER ? "http://esia.example.invalid/" : issuer;
        boolean forged = fault == Fault.TOKEN_FORGED_SIGNATURE;
        String sid = Ids.random();

        ObjectNode access = Json.object();
        access.put("nbf", now);
        access.put("scope", scopeClaim(req.scopes(), person.oid()));
        access.put("iss", iss);
        access.put("urn:esia:sid", sid);
        if (fault != Fault.TOKEN_NO_SUBJECT) {
            access.put("urn:esia:sbj_id", person.oid());
        }
        access.put("exp", now + LIFETIME_SECONDS);
        access.put("iat", now);
        access.put("client_id", clientId);

        ObjectNode id = Json.object();
        id.put("nbf", now);
        id.put("exp", now + LIFETIME_SECONDS);
        id.put("iat", now);
        id.put("iss", iss);
        id.put("sub", Long.toString(person.oid()));
        id.put("aud", clientId);
        id.put("amr", "PWD");
        id.put("auth_time", now);
        id.put("urn:esia:sid", sid);
        ObjectNode sbj = id.putObject("urn:esia:sbj");
        sbj.put("urn:esia:sbj:typ", "P");
        sbj.put("urn:esia:sbj:oid", person.oid());
        sbj.put("urn:esia:sbj:lvl", person.accountLevel());
        if (person.trusted()) {
            sbj.put("urn:esia:sbj:is_tru", true); // ESIA sends it only for confirmed accounts
        }

        ObjectNode body = Json.object();
        body.put("access_token", jwt("access", access, forged));
        body.put("id_token", jwt("id", id, forged));
        body.put("refresh_token", refreshToken);
        body.put("state", state);
        body.put("token_type", "Bearer");
        body.put("expires_in", LIFETIME_SECONDS);
        return body;
    }

    /** ESIA ties each personal scope to the subject: {@code fullname?oid=1000299681}. */
    static String scopeClaim(List<String> scopes, long oid) {
        return scopes.stream().map(s -> "openid".equals(s) ? s : s + "?oid=" + oid).collect(Collectors.joining(" "));
    }

    private String jwt(String subType, ObjectNode payload, boolean forged) {
        ObjectNode header = Json.object();
        header.put("ver", 1);
        header.put("typ", "JWT");
        header.put("sbt", subType);
        header.put("alg", algorithm);
        String input = b64(Json.write(header)) + "." + b64(Json.write(payload));
        return input + "." + Base64Url.encode(signer.sign(algorithm, input, forged));
    }

    private static String b64(String json) {
        return Base64Url.encode(json.getBytes(StandardCharsets.UTF_8));
    }
}
