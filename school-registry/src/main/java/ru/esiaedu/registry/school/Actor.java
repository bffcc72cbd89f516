package ru.esiaedu.registry.school;

/**
 * Who makes a change, as the audit keeps it: {@code staff:<registry account id>} for a staff member on the school's
 * pages, {@code api:<client id>} for a school system. Never a name.
 */
public record Actor(String id) {

    public static Actor staff(String staffAccountId) {
        return new Actor("staff:" + staffAccountId);
    }

    public static Actor api(String clientId) {
        return new Actor("api:" + clientId);
    }
}
