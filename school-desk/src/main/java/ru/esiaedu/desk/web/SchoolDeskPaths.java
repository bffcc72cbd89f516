package ru.esiaedu.desk.web;

/** The desk's path segment under {@code /realms/{realm}/}: the resource provider's id. */
public final class SchoolDeskPaths {

    public static final String ID = "school-desk";

    private SchoolDeskPaths() {
    }
}
