package ru.esiaedu.registry.school;

/** A class of an organisation, e.g. «5А». */
public record SchoolClass(String id, String organisationId, String name) {
}
