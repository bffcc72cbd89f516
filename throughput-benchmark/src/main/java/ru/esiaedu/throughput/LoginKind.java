package ru.esiaedu.throughput;

/** A returning person (linked account, Keycloak user exists) or a first login (matching, linking, a new user). */
enum LoginKind {
    RETURNING, FIRST;

    String label() {
        return this == RETURNING ? "returning" : "first login";
    }
}
