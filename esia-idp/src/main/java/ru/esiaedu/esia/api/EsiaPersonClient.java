package ru.esiaedu.esia.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the person from ESIA's REST API with the user's access token:
 * <ol>
 * <li>{@code GET {person}?embed=(contacts.elements,documents.elements,addresses.elements)};</li>
 * <li>collection elements that arrive as links are fetched one by one, but only when the link is on
 * the ESIA host (same scheme, host and port as the base URL) — the bearer token never leaves it;
 * other links are skipped with a warning;</li>
 * <li>if any {@code kid_*} scope was granted, {@code GET {person}/kids?embed=(elements.documents)}
 * (the {@code embed} form for kids is <em>unconfirmed</em>; embedded and linked answers are both
 * handled), and each child's embedded or linked documents. A 404 on the kids collection itself is
 * read as "no children".</li>
 * </ol>
 *
 * <p>Errors: on the person itself 401 → UNAUTHORIZED, 403 → FORBIDDEN, 5xx/429 → UNAVAILABLE, a
 * non-JSON/ill-typed answer → MALFORMED_RESPONSE. On contacts, documents, kids and kids' documents
 * a 403 (ESIA-005029, scope not granted) is not fatal: that part stays empty and is named in
 * {@link EsiaPerson#partsMissing()}. Logs name only the endpoint kind, status and duration.
 */
public final class EsiaPersonClient {

    private static final Logger LOG = Logger.getLogger(EsiaPersonClient.class);

    static final String PERSON_EMBED = "?embed=(contacts.elements,documents.elements,addresses.elements)";
    static final String KIDS_EMBED = "?embed=(elements.documents)";
    /** Upper bound on links followed per collection: a defence against a runaway answer. */
    static final int MAX_LINKS = 50;

    private final EsiaHttp http;
    private final URI base;
    private final Function<String, String> personUrl;

    /** @param esiaBaseUrl e.g. {@code https://esia.gosuslugi.ru}; the person is {@code {base}/rs/prns/{oid}} */
    public EsiaPersonClient(EsiaHttp http, String esiaBaseUrl) {
        this(http, esiaBaseUrl, null);
    }

    /**
     * @param personUrl maps an (already URL-safe) oid to the person URL without query, e.g.
     *        {@code EsiaEndpoints::personUrl}; null for {@code {base}/rs/prns/{oid}}
     */
    public EsiaPersonClient(EsiaHttp http, String esiaBaseUrl, Function<String, String> personUrl) {
        this.http = Objects.requireNonNull(http, "http");
        String b = Objects.requireNonNull(esiaBaseUrl, "esiaBaseUrl");
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        this.base = URI.create(b);
        if (base.getScheme() == null || base.getHost() == null) {
            throw new IllegalArgumentException("esiaBaseUrl must be an absolute http(s) URL");
        }
        String prefix = b;
        this.personUrl = personUrl != null ? personUrl : oid -> prefix + "/rs/prns/" + oid;
    }

    /**
     * @param oid the person's oid from the token ({@code urn:esia:sbj_id})
     * @param grantedScopes scopes ESIA granted (entries like {@code kid_fullname?oid=…} are fine);
     *        null means none
     */
    public EsiaPerson fetch(String oid, String accessToken, Set<String> grantedScopes) throws EsiaApiException {
        if (oid == null || oid.isBlank()) {
            throw new IllegalArgumentException("oid is required");
        }
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("accessToken is required");
        }
        String personBase = personUrl.apply(FormEncoding.encode(oid.trim()));

        JsonNode personJson = get(personBase + PERSON_EMBED, accessToken, "person");
        EsiaPerson.Builder b = EsiaPersonParser.person(oid.trim(), personJson);

        readContacts(personJson, accessToken, b);
        readDocuments(personJson, accessToken, b);
        if (wantsKids(grantedScopes)) {
            readKids(personBase + "/kids" + KIDS_EMBED, accessToken, b);
        }
        return b.build();
    }

    /** True when the URL has the ESIA base's scheme, host and port (and no user-info). */
    public boolean isOnEsiaHost(String url) {
        if (url == null) {
            return false;
        }
        URI u;
        try {
            u = base.resolve(URI.create(url.trim()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return u.getScheme() != null && u.getHost() != null && u.getRawUserInfo() == null
                && u.getScheme().equalsIgnoreCase(base.getScheme())
                && u.getHost().toLowerCase(Locale.ROOT).equals(base.getHost().toLowerCase(Locale.ROOT))
                && effectivePort(u) == effectivePort(base);
    }

    static boolean wantsKids(Set<String> grantedScopes) {
        return grantedScopes != null && grantedScopes.stream().anyMatch(s -> s != null && s.startsWith("kid_"));
    }

    private void readContacts(JsonNode personJson, String token, EsiaPerson.Builder b) throws EsiaApiException {
        EsiaPersonParser.Elements els = EsiaPersonParser.collection(personJson.get("contacts"), "contacts");
        for (JsonNode c : els.embedded()) {
            b.addContact(EsiaPersonParser.contact(c));
        }
        try {
            for (JsonNode c : follow(els.links(), token, "contact")) {
                b.addContact(EsiaPersonParser.contact(c));
            }
        } catch (EsiaApiException e) {
            forbiddenOrThrow(e, EsiaPerson.PART_CONTACTS, b);
        }
    }

    private void readDocuments(JsonNode personJson, String token, EsiaPerson.Builder b) throws EsiaApiException {
        EsiaPersonParser.Elements els = EsiaPersonParser.collection(personJson.get("documents"), "documents");
        for (JsonNode d : els.embedded()) {
            b.addDocument(EsiaPersonParser.document(d));
        }
        try {
            for (JsonNode d : follow(els.links(), token, "document")) {
                b.addDocument(EsiaPersonParser.document(d));
            }
        } catch (EsiaApiException e) {
            forbiddenOrThrow(e, EsiaPerson.PART_DOCUMENTS, b);
        }
    }

    private void readKids(String kidsUrl, String token, EsiaPerson.Builder b) throws EsiaApiException {
        List<JsonNode> kidNodes = new ArrayList<>();
        JsonNode kidsJson = null;
        try {
            kidsJson = getAny(kidsUrl, token, "kids");
            EsiaPersonParser.Elements els = EsiaPersonParser.collection(kidsJson, "kids");
            kidNodes.addAll(els.embedded());
            kidNodes.addAll(follow(els.links(), token, "kid"));
        } catch (EsiaApiException e) {
            if (e.kind() == EsiaApiException.Kind.ESIA_ERROR && e.httpStatus() == 404 && kidsJson == null) {
                // Assumption: a person without children may have no kids resource at all.
                LOG.debug("ESIA person API: kids answered HTTP 404, treating as no children");
                return;
            }
            forbiddenOrThrow(e, EsiaPerson.PART_KIDS, b);
            return;
        }
        boolean kidDocsForbidden = false;
        for (JsonNode kidNode : kidNodes) {
            EsiaKid kid = EsiaPersonParser.kid(kidNode);
            EsiaPersonParser.Elements docs = EsiaPersonParser.collection(kidNode.get("documents"), "kid documents");
            if (!docs.links().isEmpty() && !kidDocsForbidden) {
                List<EsiaDocument> all = new ArrayList<>(kid.documents());
                try {
                    for (JsonNode d : follow(docs.links(), token, "kid document")) {
                        all.add(EsiaPersonParser.document(d));
                    }
                    kid = kid.withDocuments(all);
                } catch (EsiaApiException e) {
                    forbiddenOrThrow(e, EsiaPerson.PART_KID_DOCUMENTS, b);
                    kidDocsForbidden = true;
                }
            }
            b.addKid(kid);
        }
    }

    private static void forbiddenOrThrow(EsiaApiException e, String part, EsiaPerson.Builder b)
            throws EsiaApiException {
        if (e.kind() != EsiaApiException.Kind.FORBIDDEN) {
            throw e;
        }
        LOG.infof("ESIA person API: %s not available (HTTP %d%s), continuing without it", part, e.httpStatus(),
                e.esiaCode() == null ? "" : ", " + e.esiaCode());
        b.partMissing(part);
    }

    /** Fetches links on the ESIA host; others are skipped with a warning that names no URL. */
    private List<JsonNode> follow(List<String> links, String token, String kind) throws EsiaApiException {
        List<JsonNode> out = new ArrayList<>();
        int followed = 0;
        for (String link : links) {
            if (!isOnEsiaHost(link)) {
                LOG.warnf("ESIA person API: skipped a linked %s element that is not on the ESIA host", kind);
                continue;
            }
            if (followed++ >= MAX_LINKS) {
                LOG.warnf("ESIA person API: more than %d linked %s elements, the rest is skipped", MAX_LINKS, kind);
                break;
            }
            out.add(get(base.resolve(URI.create(link.trim())).toString(), token, kind));
        }
        return out;
    }

    /** GET expecting a JSON object. */
    private JsonNode get(String url, String token, String kind) throws EsiaApiException {
        JsonNode node = getAny(url, token, kind);
        if (!node.isObject()) {
            throw new EsiaApiException(EsiaApiException.Kind.MALFORMED_RESPONSE,
                    "ESIA " + kind + " answer is not a JSON object", 200, null, null, null);
        }
        return node;
    }

    /** GET expecting a JSON object or array. */
    private JsonNode getAny(String url, String token, String kind) throws EsiaApiException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new EsiaApiException(EsiaApiException.Kind.MALFORMED_RESPONSE,
                    "ESIA " + kind + " link is not a valid URL");
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET();
        HttpResponse<String> resp = http.send(req, kind);
        int status = resp.statusCode();
        if (!EsiaJson.isSuccess(status)) {
            throw EsiaJson.errorFor(resp, kind, false);
        }
        JsonNode node = EsiaJson.tryParse(resp.body());
        if (node == null || !(node.isObject() || node.isArray())) {
            throw new EsiaApiException(EsiaApiException.Kind.MALFORMED_RESPONSE,
                    "ESIA " + kind + " answered HTTP " + status + " with a body that is not JSON", status, null,
                    null, null);
        }
        return node;
    }

    private static int effectivePort(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        String s = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        return "https".equals(s) ? 443 : "http".equals(s) ? 80 : -1;
    }
}
