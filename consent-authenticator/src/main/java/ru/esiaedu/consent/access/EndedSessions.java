package ru.esiaedu.consent.access;

/**
 * How much of a student's access to one client was ended: client sessions of online user sessions (their refresh
 * tokens stop working) and offline sessions (their offline tokens stop working).
 */
public record EndedSessions(int online, int offline) {

    public static final EndedSessions NONE = new EndedSessions(0, 0);

    /** Event detail: client sessions of online user sessions ended. */
    public static final String DETAIL_ONLINE = "ended_sessions";
    /** Event detail: offline sessions (offline tokens) ended. */
    public static final String DETAIL_OFFLINE = "ended_offline_sessions";
}
