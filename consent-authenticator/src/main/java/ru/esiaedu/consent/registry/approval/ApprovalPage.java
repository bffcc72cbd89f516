package ru.esiaedu.consent.registry.approval;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import ru.esiaedu.registry.ConsentRecord;
import ru.esiaedu.registry.ConsentRequestRecord;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/**
 * What the approval page ({@code esia-consent-approval.ftl}) shows to the person with this ESIA oid: the pending
 * requests addressed to any of their registry accounts, and the consents those accounts granted that are still in
 * force. Read fresh from the registry for every page; the template gets plain maps of strings.
 */
public final class ApprovalPage {

    public static final String TEMPLATE = "esia-consent-approval.ftl";

    /** Template attributes. */
    public static final String ATTR_REQUESTS = "esiaConsentRequests";
    public static final String ATTR_GRANTED = "esiaConsentGranted";
    public static final String ATTR_TEXT_VERSION = "esiaConsentTextVersion";
    public static final String ATTR_REGISTRY_DOWN = "esiaConsentRegistryDown";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** A request waiting for the person's decision. */
    public record Pending(long requestId, String studentAccountId, String childName, String className,
                          String organisation, String clientName) {
    }

    /** A consent the person granted that is in force. */
    public record Granted(long consentId, String studentAccountId, String childName, String className,
                          String organisation, String clientName, Instant grantedAt, String textVersion) {
    }

    private final List<Pending> pending;
    private final List<Granted> granted;
    private final boolean registryDown;

    private ApprovalPage(List<Pending> pending, List<Granted> granted, boolean registryDown) {
        this.pending = List.copyOf(pending);
        this.granted = List.copyOf(granted);
        this.registryDown = registryDown;
    }

    /** The page when the registry cannot be read: the message and «Продолжить» only. */
    public static ApprovalPage registryUnavailable() {
        return new ApprovalPage(List.of(), List.of(), true);
    }

    /**
     * @param clientNames client id → the client system's display name (the id itself when it has none)
     */
    public static ApprovalPage load(SchoolRegistryProvider registry, String esiaOid, Function<String, String> clientNames)
            throws RegistryUnavailableException {
        List<String> mine = registry.findLinked(esiaOid).stream().map(RegistryAccount::id).toList();
        if (mine.isEmpty()) {
            return new ApprovalPage(List.of(), List.of(), false);
        }
        Map<String, Optional<RegistryAccount>> students = new HashMap<>();
        List<Pending> pending = new ArrayList<>();
        for (ConsentRequestRecord request : registry.findPendingConsentRequests(mine)) {
            Optional<RegistryAccount> student = student(registry, students, request.studentAccountId());
            pending.add(new Pending(request.id(), request.studentAccountId(), childName(student),
                    student.map(RegistryAccount::className).orElse(null), organisation(student),
                    clientNames.apply(request.clientId())));
        }
        List<Granted> granted = new ArrayList<>();
        for (ConsentRecord consent : registry.findConsentsGrantedBy(mine)) {
            if (!consent.active()) {
                continue;
            }
            Optional<RegistryAccount> student = student(registry, students, consent.studentAccountId());
            granted.add(new Granted(consent.id(), consent.studentAccountId(), childName(student),
                    student.map(RegistryAccount::className).orElse(null), organisation(student),
                    clientNames.apply(consent.clientId()), consent.grantedAt(), consent.textVersion()));
        }
        return new ApprovalPage(pending, granted, false);
    }

    private static Optional<RegistryAccount> student(SchoolRegistryProvider registry,
                                                     Map<String, Optional<RegistryAccount>> cache, String id)
            throws RegistryUnavailableException {
        Optional<RegistryAccount> known = cache.get(id);
        if (known == null) {
            known = registry.findById(id);
            cache.put(id, known);
        }
        return known;
    }

    /** «Фамилия Имя» as the school entered them; empty when the account is gone. */
    private static String childName(Optional<RegistryAccount> student) {
        return student.map(s -> join(s.lastName(), s.firstName())).orElse("");
    }

    private static String organisation(Optional<RegistryAccount> student) {
        return student.map(RegistryAccount::organisation).map(o -> o.name()).orElse(null);
    }

    private static String join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(part.trim());
            }
        }
        return out.toString();
    }

    public List<Pending> pending() {
        return pending;
    }

    public List<Granted> granted() {
        return granted;
    }

    public boolean isRegistryDown() {
        return registryDown;
    }

    /** Template attributes: lists of maps of strings (never null values), the text version, the outage flag. */
    public Map<String, Object> attributes(String textVersion, ZoneId zone) {
        List<Map<String, String>> requests = new ArrayList<>();
        for (Pending item : pending) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", Long.toString(item.requestId()));
            row.put("childName", nonNull(item.childName()));
            row.put("className", nonNull(item.className()));
            row.put("organisation", nonNull(item.organisation()));
            row.put("clientName", nonNull(item.clientName()));
            requests.add(row);
        }
        List<Map<String, String>> consents = new ArrayList<>();
        for (Granted item : granted) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("id", Long.toString(item.consentId()));
            row.put("childName", nonNull(item.childName()));
            row.put("className", nonNull(item.className()));
            row.put("organisation", nonNull(item.organisation()));
            row.put("clientName", nonNull(item.clientName()));
            row.put("grantedAt", item.grantedAt() == null ? "" : DATE.withZone(zone).format(item.grantedAt()));
            row.put("textVersion", nonNull(item.textVersion()));
            consents.add(row);
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(ATTR_REQUESTS, requests);
        attributes.put(ATTR_GRANTED, consents);
        attributes.put(ATTR_TEXT_VERSION, nonNull(textVersion));
        attributes.put(ATTR_REGISTRY_DOWN, registryDown);
        return attributes;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
