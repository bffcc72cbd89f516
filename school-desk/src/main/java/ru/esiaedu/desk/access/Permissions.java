package ru.esiaedu.desk.access;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ru.esiaedu.registry.school.StaffAssignment;

/**
 * What one caller of the school's pages or API may reach. A class teacher sees and edits only the classes of the
 * assignment (their students, those students' parents); a deputy head or an administrator the whole organisation;
 * a school system acts as its organisation's administrator. Nobody reaches another organisation: ids outside the
 * caller's reach behave as unknown ids. A region operator handles the requests that name no organisation.
 */
public final class Permissions {

    private final String organisationId;
    private final boolean wholeOrganisation;
    private final Set<String> classIds;
    private final boolean regionOperator;

    private Permissions(String organisationId, boolean wholeOrganisation, Set<String> classIds, boolean regionOperator) {
        this.organisationId = organisationId;
        this.wholeOrganisation = wholeOrganisation;
        this.classIds = Set.copyOf(classIds);
        this.regionOperator = regionOperator;
    }

    /**
     * A staff member signed in with a profile of {@code organisationId}: only the positions held in that
     * organisation count (a position elsewhere is for a profile of that organisation).
     */
    public static Permissions ofStaff(String organisationId, List<StaffAssignment> assignments, boolean regionOperator) {
        boolean whole = false;
        Set<String> classes = new LinkedHashSet<>();
        if (organisationId != null) {
            for (StaffAssignment assignment : assignments) {
                if (!organisationId.equals(assignment.organisationId()) || assignment.position() == null) {
                    continue;
                }
                if (assignment.position().wholeOrganisation()) {
                    whole = true;
                } else if (assignment.classId() != null) {
                    classes.add(assignment.classId());
                }
            }
        }
        boolean staff = whole || !classes.isEmpty();
        return new Permissions(staff ? organisationId : null, whole, classes, regionOperator);
    }

    /** A school system's service account: its organisation's administrator. */
    public static Permissions schoolSystem(String organisationId) {
        return new Permissions(organisationId, true, Set.of(), false);
    }

    /** True when the caller holds a position in an organisation or is a region operator. */
    public boolean mayEnter() {
        return organisationId != null || regionOperator;
    }

    /** The organisation the caller works in; empty for a region operator without a position. */
    public Optional<String> organisation() {
        return Optional.ofNullable(organisationId);
    }

    public boolean wholeOrganisation() {
        return organisationId != null && wholeOrganisation;
    }

    /** The classes of a class teacher; empty for the whole-organisation positions (they see every class). */
    public Set<String> ownClasses() {
        return classIds;
    }

    public boolean seesClass(String classId) {
        return organisationId != null && (wholeOrganisation || classId != null && classIds.contains(classId));
    }

    /** A student's card: by the student's class (a student without a class is the organisation's only). */
    public boolean seesStudentOf(String classIdOrNull) {
        return organisationId != null && (wholeOrganisation || classIdOrNull != null && classIds.contains(classIdOrNull));
    }

    /** A parent's card: when one of the parent's children is in reach. */
    public boolean seesParentOfChildrenIn(Collection<String> childrenClassIds) {
        if (organisationId == null) {
            return false;
        }
        return wholeOrganisation || childrenClassIds.stream().anyMatch(id -> id != null && classIds.contains(id));
    }

    /** Staff cards, the requests inbox, «Это не я» reports and the bulk import are the whole organisation's. */
    public boolean seesStaffCards() {
        return wholeOrganisation();
    }

    public boolean usesInbox() {
        return wholeOrganisation();
    }

    public boolean imports() {
        return wholeOrganisation();
    }

    /** The requests that name no organisation, and sending one to an organisation. */
    public boolean handlesRegionRequests() {
        return regionOperator;
    }
}
