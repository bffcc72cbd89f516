package ru.esiaedu.linker.request;

import java.util.List;

/** The organisation types of the registry contract, in the order the form offers them. */
public final class OrganisationTypes {

    public static final String SCHOOL = "SCHOOL";
    public static final List<String> ALL = List.of(SCHOOL, "KINDERGARTEN", "COLLEGE", "SUPPLEMENTARY");

    private OrganisationTypes() {
    }
}
