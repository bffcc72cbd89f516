package ru.esiaedu.registry;

/**
 * «Обратиться в организацию» / «Нет нужной организации»: a request to the organisation's staff.
 *
 * @param requestKey idempotency key, e.g. auth session id + form hash: the same key always yields the same request
 */
public record AccessRequest(String requestKey, String esiaOid,
        RegistryRole role, String childFullName, String organisationType, String organisationId, String className,
        String contactEmail) {

    /** Never prints personal data. */
    @Override
    public String toString() {
        return "AccessRequest[role=" + role + ", organisationId=" + organisationId + "]";
    }
}
