package ru.esiaedu.registry;

/**
 * «Обратиться в организацию» / «Нет нужной организации»: a request to the organisation's staff.
 *
 * @param requestKey          idempotency key, e.g. auth session id + form hash: the same key always yields the same
 *                            request
 * @param dailyLimitPerPerson how many requests one ESIA person may send in 24 hours (all organisations together)
 * @param requesterFullName   the requester's name as ESIA gave it (at most 300 characters), so the school's inbox
 *                            shows who asks; null when not known
 */
public record AccessRequest(String requestKey, String esiaOid,
        RegistryRole role, String childFullName, String organisationType, String organisationId, String className,
        String contactEmail, int dailyLimitPerPerson, String requesterFullName) {

    /** The default of {@link #dailyLimitPerPerson}. */
    public static final int DEFAULT_DAILY_LIMIT = 3;

    /** A request without the requester's name. */
    public AccessRequest(String requestKey, String esiaOid, RegistryRole role, String childFullName,
            String organisationType, String organisationId, String className, String contactEmail,
            int dailyLimitPerPerson) {
        this(requestKey, esiaOid, role, childFullName, organisationType, organisationId, className, contactEmail,
                dailyLimitPerPerson, null);
    }

    /** A request with the default daily limit. */
    public AccessRequest(String requestKey, String esiaOid, RegistryRole role, String childFullName,
            String organisationType, String organisationId, String className, String contactEmail) {
        this(requestKey, esiaOid, role, childFullName, organisationType, organisationId, className, contactEmail,
                DEFAULT_DAILY_LIMIT, null);
    }

    /** Never prints personal data. */
    @Override
    public String toString() {
        return "AccessRequest[role=" + role + ", organisationId=" + organisationId + "]";
    }
}
