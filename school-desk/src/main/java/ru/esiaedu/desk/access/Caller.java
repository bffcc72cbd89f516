package ru.esiaedu.desk.access;

import ru.esiaedu.registry.school.Actor;

/**
 * Who calls: the audit's actor, what they may reach, and how the page greets them.
 *
 * @param staffAccountId the registry account of a staff member, null for a school system
 * @param displayName    the Keycloak user's name for the page header (their own data), or the client id
 */
public record Caller(Actor actor, Permissions permissions, String staffAccountId, String displayName) {

    /** Never prints personal data. */
    @Override
    public String toString() {
        return "Caller[" + actor.id() + "]";
    }
}
