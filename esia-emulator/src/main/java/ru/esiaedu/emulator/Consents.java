package ru.esiaedu.emulator;

import java.util.List;

/**
 * Test and demo hooks on the emulator's consents ({@link EsiaEmulator#consents()}; the same over HTTP under
 * {@code /__emulator/consents/…}). Oids are strings, as ESIA's JSON and the tokens carry them. None of these
 * notify anybody.
 */
public final class Consents {
    private final ConsentRegistry registry;
    private final ConsentRecipients recipients;
    private final PersonDirectory persons;
    private final ClientRegistry clients;

    Consents(ConsentRegistry registry, ConsentRecipients recipients, PersonDirectory persons, ClientRegistry clients) {
        this.registry = registry;
        this.recipients = recipients;
        this.persons = persons;
        this.clients = clients;
    }

    /**
     * A consent of {@code grantorOid} (the student or one of their parents) for the student and client system, as
     * if approved in the personal account: a pending request is answered by it. Returns the consent id (the active
     * one when a consent already exists).
     *
     * @throws IllegalArgumentException unknown client system or person, or the grantor is neither the student nor
     *                                  a parent of the student
     */
    public String grant(String clientMnemonic, String studentOid, String grantorOid) {
        RegisteredClient client = clients.find(clientMnemonic)
                .orElseThrow(() -> new IllegalArgumentException("unknown client system " + clientMnemonic));
        Person student = person(studentOid);
        long grantor = person(grantorOid).oid();
        if (!recipients.mayGrant(student, grantor)) {
            throw new IllegalArgumentException("person " + grantorOid + " is neither the student nor a parent");
        }
        return registry.grant(client.clientId(), client.name(), student.oid(), grantor, recipients.of(student));
    }

    /** Revokes every active consent of the student (all client systems); returns how many were active. */
    public int revokeAll(String studentOid) {
        return registry.revokeAll(oid(studentOid));
    }

    /** Forgets all requests, consents and notifications. */
    public void reset() {
        registry.reset();
    }

    /** {@code GET /consent/v1/status}'s {@code status} for the student and client system, e.g. {@code "PENDING"}. */
    public String status(String clientMnemonic, String studentOid) {
        return registry.status(clientMnemonic, oid(studentOid)).status();
    }

    /** The student's requests, oldest first. */
    public List<ConsentRequestView> requests(String studentOid) {
        return registry.requestsOf(oid(studentOid)).stream().map(ConsentRequestView::of).toList();
    }

    /** The person's notifications, newest first. */
    public List<NotificationView> notificationsOf(String oid) {
        return registry.notificationsOf(oid(oid)).stream().map(NotificationView::of).toList();
    }

    private Person person(String oid) {
        long id = oid(oid);
        return persons.find(id).orElseThrow(() -> new IllegalArgumentException("unknown person " + oid));
    }

    private static long oid(String oid) {
        try {
            return Long.parseLong(oid == null ? "" : oid.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an oid: " + oid);
        }
    }
}
