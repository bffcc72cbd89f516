package ru.esiaedu.desk.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.common.util.SecretGenerator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.urls.UrlType;

/**
 * Signing in to the desk with the realm's own login: a redirect to the realm's authorization endpoint for the
 * desk's client with {@code role=staff} (the role picker then goes straight to «педагоги и сотрудники»), the
 * {@code state} bound to a short-lived cookie of the desk's path, and back at {@code callback} the user is the one
 * Keycloak's identity cookie names. The code is not exchanged: the desk reads the session, not tokens.
 */
final class DeskLogin {

    static final String STATE_COOKIE = "SCHOOL_DESK_STATE";
    private static final int STATE_SECONDS = 1800;
    /** Where to return after the login: a page of the desk, nothing else (no open redirect). */
    private static final Pattern RETURN_PATH = Pattern.compile("(classes/[A-Za-z0-9._-]{1,64}|requests|import|region)?");

    private final KeycloakSession session;
    private final String realmName;

    DeskLogin(KeycloakSession session) {
        this.session = session;
        this.realmName = session.getContext().getRealm().getName();
    }

    /** {@code …/realms/{realm}/school-desk/} at the realm's frontend URL. */
    UriBuilder desk() {
        return UriBuilder.fromUri(session.getContext().getUri(UrlType.FRONTEND).getBaseUri())
                .path("realms").path(realmName).path(SchoolDeskPaths.ID);
    }

    static String safeReturn(String path) {
        return path != null && RETURN_PATH.matcher(path).matches() ? path : "";
    }

    /** The redirect to the realm's login; {@code again} asks Keycloak to sign in anew (another role). */
    Response start(String returnPath, boolean again) {
        String state = SecretGenerator.getInstance().randomString(32);
        UriBuilder auth = UriBuilder.fromUri(session.getContext().getUri(UrlType.FRONTEND).getBaseUri())
                .path("realms").path(realmName).path("protocol/openid-connect/auth")
                .queryParam("client_id", DeskCallers.CLIENT_ID)
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("redirect_uri", callback().toString())
                .queryParam("state", state)
                .queryParam("role", "staff")
                // The client requires PKCE and the verifier is thrown away: the code is good for nothing, so a
                // leaked one cannot be exchanged for a staff token.
                .queryParam("code_challenge", unusableChallenge())
                .queryParam("code_challenge_method", "S256");
        if (again) {
            auth.queryParam("prompt", "login");
        }
        return Response.seeOther(auth.build())
                .cookie(stateCookie(state + "." + safeReturn(returnPath), STATE_SECONDS))
                .header("Cache-Control", "no-store").build();
    }

    private static String unusableChallenge() {
        try {
            byte[] verifier = SecretGenerator.getInstance().randomString(64).getBytes(StandardCharsets.US_ASCII);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    URI callback() {
        return desk().path("callback").build();
    }

    /** The page to return to when {@code state} is the one this browser was given; null otherwise. */
    String returnPathIfStateMatches(String state, Cookie cookie) {
        if (state == null || cookie == null || cookie.getValue() == null) {
            return null;
        }
        String value = cookie.getValue();
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        byte[] expected = value.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, state.getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        return safeReturn(value.substring(dot + 1));
    }

    NewCookie clearState() {
        return stateCookie("", 0);
    }

    private NewCookie stateCookie(String value, int maxAge) {
        boolean https = "https".equalsIgnoreCase(session.getContext().getUri().getBaseUri().getScheme());
        return new NewCookie.Builder(STATE_COOKIE).value(value)
                .path(UriBuilder.fromUri(session.getContext().getUri().getBaseUri()).path("realms").path(realmName)
                        .path(SchoolDeskPaths.ID).build().getRawPath() + "/")
                .maxAge(maxAge).httpOnly(true).secure(https).sameSite(NewCookie.SameSite.LAX).build();
    }
}
