package ru.esiaedu.registry.school;

import java.util.List;
import java.util.Optional;

import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;

/**
 * The school's side of the registry: what staff (on the school's pages) and school systems (through the JSON API)
 * read and change. Every change is audited in the registry: who ({@link Actor}), which field of which account, when,
 * the old and the new value. Permissions (which staff may touch which class) are decided by the caller from
 * {@link #assignments}; every method here is scoped by organisation so a caller cannot reach another organisation
 * by passing its ids: an id of another organisation behaves as an unknown id.
 */
public interface SchoolOffice {

    // --- who may do what ---------------------------------------------------------------------------------------

    /** The positions of a staff account (any organisation); empty for non-staff and unknown accounts. */
    List<StaffAssignment> assignments(String staffAccountId) throws RegistryUnavailableException;

    List<SchoolClass> classes(String organisationId) throws RegistryUnavailableException;

    /** The class of this id in this organisation. */
    Optional<SchoolClass> schoolClass(String organisationId, String classId) throws RegistryUnavailableException;

    // --- the class page «Вход через ЕСИА: 5А» -----------------------------------------------------------------

    /** Students of the class ordered by last and first name, each with «Мать» and «Отец». */
    List<RosterRow> roster(String organisationId, String classId) throws RegistryUnavailableException;

    /** The class of a student account of this organisation (for permission checks on an edit), or empty. */
    Optional<String> classOfStudent(String organisationId, String studentAccountId) throws RegistryUnavailableException;

    /**
     * The students of this organisation a parent account belongs to (for permission checks on an edit of a parent's
     * card), or empty when it is not a parent of this organisation.
     */
    List<String> childrenOfParent(String organisationId, String parentAccountId) throws RegistryUnavailableException;

    /** One account of this organisation, any role. */
    Optional<PersonCard> card(String organisationId, String accountId) throws RegistryUnavailableException;

    /**
     * Saves one field if it still holds {@code edit.expected()} (compare-and-set, so two staff editing one field at
     * once never lose an edit silently); validates and normalises as the matcher reads it; audits a saved change.
     */
    EditResult edit(Actor actor, String organisationId, FieldEdit edit) throws RegistryUnavailableException;

    /**
     * Creates an empty parent card («Мать», «Отец») for a student of this organisation, unless the student has one of
     * that kinship already (then returns it). Audited.
     */
    PersonCard addParent(Actor actor, String organisationId, String studentAccountId, Kinship kinship)
            throws RegistryUnavailableException;

    // --- staff-side linking ---------------------------------------------------------------------------------------

    /** Links an ESIA person to an account of this organisation (rule {@code STAFF}); audited. */
    StaffLinkResult link(Actor actor, String organisationId, String accountId, String esiaOid)
            throws RegistryUnavailableException;

    /** Undoes a link of an account of this organisation; the link's record keeps who and why; audited. */
    boolean unlink(Actor actor, String organisationId, String accountId, String reason)
            throws RegistryUnavailableException;

    // --- the requests inbox ---------------------------------------------------------------------------------------

    /** Requests to this organisation, newest first; {@code status} null for all. */
    List<InboxRequest> requests(String organisationId, InboxRequestStatus status, int first, int max)
            throws RegistryUnavailableException;

    /** Requests that name no organisation («Нет нужной организации»), newest first, for the region's operators. */
    List<InboxRequest> requestsWithoutOrganisation(InboxRequestStatus status, int first, int max)
            throws RegistryUnavailableException;

    Optional<InboxRequest> request(String organisationId, long requestId) throws RegistryUnavailableException;

    /**
     * Sends a request that names no organisation to one (a region operator's decision); false when the request names
     * one already or is not open.
     */
    boolean assignRequest(Actor actor, long requestId, String organisationId) throws RegistryUnavailableException;

    /** Links the requester's ESIA person to the account and closes the request as LINKED; audited. */
    StaffLinkResult resolveByLinking(Actor actor, String organisationId, long requestId, String accountId)
            throws RegistryUnavailableException;

    /** Closes an open request as REJECTED with the school's comment (at most 500 characters); false if not open. */
    boolean reject(Actor actor, String organisationId, long requestId, String comment)
            throws RegistryUnavailableException;

    /** «Это не я» reports on accounts of this organisation, newest first. */
    List<NotMeReport> notMeReports(String organisationId, int first, int max) throws RegistryUnavailableException;

    /** Accounts of this organisation whose name contains the text (compared normalised), for finding a child. */
    List<PersonCard> search(String organisationId, RegistryRole roleOrNull, String text, int max)
            throws RegistryUnavailableException;

    // --- audit and bulk import ------------------------------------------------------------------------------------

    /** Audited changes of one account of this organisation, newest first. */
    List<AuditEntry> history(String organisationId, String accountId, int max) throws RegistryUnavailableException;

    /**
     * Plans ({@code dryRun}) or applies an import into this organisation. A dry run writes nothing and lists every
     * change and every bad row with its reason. Applying is idempotent: keyed by the school's person id.
     */
    ImportReport importPeople(Actor actor, String organisationId, List<ImportRow> rows, boolean dryRun,
            ImportProgress progress) throws RegistryUnavailableException;
}
