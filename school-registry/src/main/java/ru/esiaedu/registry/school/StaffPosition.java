package ru.esiaedu.registry.school;

/**
 * What a staff account may do in its organisation. A class teacher («классный руководитель») sees and edits only the
 * classes of the assignment; a deputy head («заместитель директора») and an administrator («администратор») the whole
 * organisation. Nobody sees another organisation.
 */
public enum StaffPosition {
    CLASS_TEACHER, DEPUTY_HEAD, ADMINISTRATOR;

    /** True for the positions that cover the whole organisation. */
    public boolean wholeOrganisation() {
        return this != CLASS_TEACHER;
    }
}
