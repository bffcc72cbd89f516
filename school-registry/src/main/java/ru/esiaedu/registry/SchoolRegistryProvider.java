package ru.esiaedu.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.keycloak.provider.Provider;

import ru.esiaedu.registry.school.SchoolOffice;

/**
 * The school registry as seen by the login flows. The registry owns normalisation: finders take values as ESIA or a
 * form gives them (a SNILS with dashes, a phone in any format, a name in any case, with Ё or Е) and normalise them with
 * {@link ru.esiaedu.registry.normalize} — the same functions that normalise what the school stores — so the caller
 * never normalises and cannot widen a match by a slip. A value that does not normalise (a SNILS with a wrong check
 * number, a phone that is not Russian) finds nothing.
 */
public interface SchoolRegistryProvider extends Provider {

    List<RegistryAccount> findBySnils(RegistryRole role, String snils) throws RegistryUnavailableException;

    List<RegistryAccount> findByPhone(RegistryRole role, String phone) throws RegistryUnavailableException;

    List<RegistryAccount> findByEmail(RegistryRole role, String email) throws RegistryUnavailableException;

    /**
     * Accounts with these last and first names (compared normalised) and birth date; when a middle name is given,
     * accounts with another middle name are left out but accounts without one are kept ("+middle if both have it").
     */
    List<RegistryAccount> findByNameAndBirthDate(RegistryRole role, String lastName, String firstName,
            String middleNameOrNull, LocalDate birthDate) throws RegistryUnavailableException;

    /** Accounts of every role linked to this ESIA person. */
    List<RegistryAccount> findLinked(String esiaOid) throws RegistryUnavailableException;

    Optional<RegistryAccount> findById(String accountId) throws RegistryUnavailableException;

    /**
     * Records that this ESIA person owns the account; idempotent; refuses (returns false) if another oid holds it
     * or the account does not exist.
     *
     * @param how the rule that found the account, kept with the link
     */
    boolean link(String accountId, String esiaOid, LinkRule how) throws RegistryUnavailableException;

    /**
     * Undoes the link of this ESIA person to the account (the school's decision, or the person's «Это не я»): the
     * account is free again for its real owner; the link's record is kept with who undid it, when and why.
     *
     * @param by     who undid it, e.g. {@code admin:<keycloak user id>} or {@code person}; never a name
     * @param reason why, as typed or as the page says (at most 300 characters)
     * @return false when the account is not linked to this person
     */
    boolean unlink(String accountId, String esiaOid, String by, String reason) throws RegistryUnavailableException;

    List<Organisation> organisations() throws RegistryUnavailableException;

    /** Legacy login of the chosen role in the chosen organisation; empty when unknown login or wrong password. */
    Optional<RegistryAccount> checkLegacyLogin(String organisationId, RegistryRole role, String login, char[] password)
            throws RegistryUnavailableException;

    AccessRequestReceipt createAccessRequest(AccessRequest request) throws RegistryUnavailableException;

    // --- students' consents (the "registry" consent source); durable, revocations kept -------------------------

    /** The consent in force for this student and client system, if any (not revoked). */
    Optional<ConsentRecord> findActiveConsent(String studentAccountId, String clientId) throws RegistryUnavailableException;

    /** The newest request for this student and client system, whatever its status. */
    Optional<ConsentRequestRecord> findLatestConsentRequest(String studentAccountId, String clientId)
            throws RegistryUnavailableException;

    /**
     * Opens a request unless one is pending for the same student and client (then returns it with
     * {@code created=false}). Recipients: the student's parents (sr_parent_student), or the student's own account
     * when {@code studentApproves} (an adult). A student without any recipient still gets a request (no one is
     * notified; realm admins see it).
     */
    ConsentRequestReceipt requestConsent(String studentAccountId, String clientId, boolean studentApproves)
            throws RegistryUnavailableException;

    Optional<ConsentRequestRecord> findConsentRequest(long requestId) throws RegistryUnavailableException;

    /** Pending requests for which one of these accounts is a recipient, oldest first. */
    List<ConsentRequestRecord> findPendingConsentRequests(Collection<String> approverAccountIds)
            throws RegistryUnavailableException;

    /**
     * Approves a pending request by one of its recipients and records the consent. Idempotent: approving an
     * already approved request returns the consent recorded then. Empty when the account is not a recipient or
     * the request was declined.
     */
    Optional<ConsentRecord> approveConsentRequest(long requestId, String approverAccountId, String approverEsiaOid,
            String textVersion) throws RegistryUnavailableException;

    /** Declines a pending request by one of its recipients; false when not a recipient or not pending. */
    boolean declineConsentRequest(long requestId, String approverAccountId) throws RegistryUnavailableException;

    /** Consents (active and revoked) given by these accounts, newest first. */
    List<ConsentRecord> findConsentsGrantedBy(Collection<String> grantorAccountIds) throws RegistryUnavailableException;

    /**
     * Revokes an active consent; allowed for its grantor account and for any other parent of the student. Keeps the
     * row. False when not allowed or already revoked.
     */
    boolean revokeConsent(long consentId, String byAccountId) throws RegistryUnavailableException;

    /**
     * The e-mail state of a consent request; empty when the request is unknown or this registry keeps no such state
     * (then a request's mail is sent once, when it is opened, and never again).
     */
    default Optional<ConsentNoticeRecord> findConsentNotice(long requestId) throws RegistryUnavailableException {
        return Optional.empty();
    }

    /**
     * Takes the turn to e-mail a request's recipients: true, with the attempt counted and timed now, only when the
     * request is pending and its attempts are still {@code attemptsSeen} — of two logins at the same moment, one sends.
     */
    default boolean claimConsentNotice(long requestId, int attemptsSeen) throws RegistryUnavailableException {
        return false;
    }

    /** Records that the mail server accepted the request's mail for this recipient. */
    default void recordConsentNoticeReached(long requestId, String recipientAccountId) throws RegistryUnavailableException {
    }

    /**
     * Erases a student's consent data for these client systems on the person's request: open and declined requests go
     * (with their recipients and mail state); consents in force are revoked by the student's own account; every
     * consent record of theirs stays — who consented for whom, when, to which text — marked with the erasure, who
     * recorded it and why. Empty when this registry cannot erase.
     *
     * @param by     who recorded it, e.g. {@code admin:<keycloak user id>}; never a name
     * @param reason why, e.g. the number of the person's application (at most 300 characters)
     */
    default Optional<ConsentErasureReceipt> eraseConsentData(String studentAccountId, Collection<String> clientIds,
            String by, String reason) throws RegistryUnavailableException {
        return Optional.empty();
    }

    /**
     * Erases the access requests («Обратиться в организацию») this ESIA person sent, in any state: on the person's
     * request nothing of them is kept (the requests carry a child's name and a contact e-mail, and no law asks to keep
     * them; a link the school made from one keeps its own record). Empty when this registry cannot erase them.
     *
     * @return how many requests were removed
     */
    default OptionalInt deleteAccessRequests(String esiaOid) throws RegistryUnavailableException {
        return OptionalInt.empty();
    }

    /** For realm admins: consents newest first, optionally of one student account; paged. */
    List<ConsentRecord> listConsents(String studentAccountIdOrNull, int first, int max) throws RegistryUnavailableException;

    // --- the school's side ------------------------------------------------------------------------------------

    /** The staff-side operations of this registry; empty when the registry has none (a read-only registry). */
    default Optional<SchoolOffice> office() {
        return Optional.empty();
    }
}
