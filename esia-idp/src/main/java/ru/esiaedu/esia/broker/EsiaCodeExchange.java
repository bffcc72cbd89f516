package ru.esiaedu.esia.broker;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.api.AccountTypes;
import ru.esiaedu.esia.api.EsiaApiException;
import ru.esiaedu.esia.api.EsiaPerson;
import ru.esiaedu.esia.api.EsiaPersonClient;
import ru.esiaedu.esia.api.EsiaTokenClient;
import ru.esiaedu.esia.api.TokenResponse;
import ru.esiaedu.esia.crypto.SigningException;
import ru.esiaedu.esia.protocol.EsiaTimestamp;
import ru.esiaedu.esia.token.EsiaTokenException;
import ru.esiaedu.esia.token.EsiaTokenVerifier;
import ru.esiaedu.esia.token.VerifiedToken;

/**
 * What happens after ESIA redirects back with a code: the signed token request with a fresh state,
 * the check of the echoed state, token verification, the person API, and the account checks. Plain
 * Java so it runs against the emulator in unit tests; every failure becomes an {@link EsiaLoginFailure}.
 */
final class EsiaCodeExchange {

    private static final Logger LOG = Logger.getLogger(EsiaCodeExchange.class);
    private static final String SBJ = "urn:esia:sbj";
    private static final String SBJ_LEVEL = "urn:esia:sbj:lvl";

    record Result(EsiaPerson person, AccountType accountType, TokenResponse tokens, VerifiedToken accessToken) {
    }

    private final EsiaRequests.Common common;
    private final EsiaTokenClient tokenClient;
    private final EsiaTokenVerifier verifier;
    private final EsiaPersonClient personClient;
    private final Clock clock;
    private final boolean acceptOnlyConfirmed;
    private final boolean fetchChildren;

    EsiaCodeExchange(EsiaRequests.Common common, EsiaTokenClient tokenClient, EsiaTokenVerifier verifier,
                     EsiaPersonClient personClient, Clock clock, boolean acceptOnlyConfirmed, boolean fetchChildren) {
        this.common = common;
        this.tokenClient = tokenClient;
        this.verifier = verifier;
        this.personClient = personClient;
        this.clock = clock;
        this.acceptOnlyConfirmed = acceptOnlyConfirmed;
        this.fetchChildren = fetchChildren;
    }

    Result complete(String code) throws EsiaLoginFailure {
        TokenResponse tokens = requestTokens(code);
        VerifiedToken accessToken = verify(tokens.accessToken(), "access");
        String level = null;
        if (tokens.idToken() != null) {
            VerifiedToken idToken = verify(tokens.idToken(), "id");
            if (!accessToken.oid().equals(idToken.oid())) {
                throw new EsiaLoginFailure(EsiaMessages.INVALID_TOKEN, "ESIA id_token subject differs from the access token");
            }
            level = subjectLevel(idToken);
        }
        EsiaPerson person = fetchPerson(accessToken, tokens.accessToken());
        if (!person.isRegistered()) {
            throw new EsiaLoginFailure(EsiaMessages.ACCOUNT_DELETED, "ESIA account status is not REGISTERED");
        }
        AccountType accountType = AccountTypes.resolve(level, person.trusted());
        if (acceptOnlyConfirmed && accountType == AccountType.SIMPLIFIED) {
            throw new EsiaLoginFailure(EsiaMessages.ACCOUNT_NOT_CONFIRMED, "ESIA account is not confirmed (simplified)");
        }
        return new Result(person, accountType, tokens, accessToken);
    }

    private TokenResponse requestTokens(String code) throws EsiaLoginFailure {
        String state = UUID.randomUUID().toString();
        Map<String, String> form;
        try {
            form = EsiaRequests.tokenForm(common, code, state, EsiaTimestamp.now(clock));
        } catch (SigningException e) {
            throw new EsiaLoginFailure(EsiaMessages.forSigningFailure(e), "Could not sign the ESIA token request: " + e.getMessage(), e);
        }
        TokenResponse tokens;
        try {
            tokens = tokenClient.exchange(form);
        } catch (EsiaApiException e) {
            throw apiFailure("token endpoint", e);
        }
        if (!state.equals(tokens.state())) {
            throw new EsiaLoginFailure(EsiaMessages.INVALID_TOKEN, "ESIA token response does not echo the request state");
        }
        return tokens;
    }

    private VerifiedToken verify(String jwt, String kind) throws EsiaLoginFailure {
        try {
            return verifier.verify(jwt);
        } catch (EsiaTokenException e) {
            throw new EsiaLoginFailure(EsiaMessages.INVALID_TOKEN, "ESIA " + kind + " token rejected: " + e.reason());
        }
    }

    private EsiaPerson fetchPerson(VerifiedToken accessToken, String rawAccessToken) throws EsiaLoginFailure {
        Set<String> scopes = accessToken.scopes();
        if (!fetchChildren) {
            scopes = scopes.stream().filter(scope -> !scope.startsWith("kid_")).collect(Collectors.toSet());
        }
        try {
            EsiaPerson person = personClient.fetch(accessToken.oid(), rawAccessToken, scopes);
            if (!person.partsMissing().isEmpty()) {
                LOG.infof("ESIA did not return %s for this login (scope not granted)", person.partsMissing());
            }
            return person;
        } catch (EsiaApiException e) {
            throw apiFailure("person API", e);
        }
    }

    private static EsiaLoginFailure apiFailure(String where, EsiaApiException e) {
        String reason = "ESIA " + where + " failed: " + e.kind()
                + (e.esiaCode() != null ? " " + e.esiaCode() : "")
                + (e.httpStatus() > 0 ? " (HTTP " + e.httpStatus() + ")" : "");
        String key = switch (e.kind()) {
            case UNAVAILABLE, TIMEOUT -> EsiaMessages.UNAVAILABLE;
            case ESIA_ERROR, FORBIDDEN -> EsiaMessages.forEsiaError(e.esiaCode(), e.error());
            case UNAUTHORIZED -> EsiaMessages.INVALID_TOKEN;
            case MALFORMED_RESPONSE -> EsiaMessages.BAD_RESPONSE;
        };
        return new EsiaLoginFailure(key, reason, e);
    }

    @SuppressWarnings("unchecked")
    private static String subjectLevel(VerifiedToken idToken) {
        Object subject = idToken.claim(SBJ);
        if (subject instanceof Map<?, ?> map) {
            Object level = ((Map<String, Object>) map).get(SBJ_LEVEL);
            return level == null ? null : level.toString();
        }
        return null;
    }
}
