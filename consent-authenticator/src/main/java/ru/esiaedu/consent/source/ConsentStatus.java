package ru.esiaedu.consent.source;

/** What a source knows about the consent of one student for one client system. */
public enum ConsentStatus {
    /** A valid consent exists: the student may log in. */
    GRANTED,
    /** A request was sent and waits for an answer. */
    PENDING,
    /** Never requested (or the last request expired). */
    NONE,
    /** The last request was declined. */
    DECLINED,
    /** A consent existed and was revoked. */
    REVOKED;

    public boolean allowsLogin() {
        return this == GRANTED;
    }
}
