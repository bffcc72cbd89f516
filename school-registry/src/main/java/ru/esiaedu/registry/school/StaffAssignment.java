package ru.esiaedu.registry.school;

/**
 * One position of one staff account.
 *
 * @param classId the class of a {@link StaffPosition#CLASS_TEACHER}; null for the whole-organisation positions
 */
public record StaffAssignment(String staffAccountId, String organisationId, StaffPosition position, String classId) {
}
