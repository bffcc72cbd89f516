package ru.esiaedu.consent.source;

/**
 * @param status    what the source knows
 * @param grantor   who granted it, for {@link ConsentStatus#GRANTED}; null otherwise or when the source does not say
 * @param requestId the open or last request, when the source has one; null otherwise
 */
public record ConsentState(ConsentStatus status, Grantor grantor, String requestId) {

    public static ConsentState of(ConsentStatus status) {
        return new ConsentState(status, null, null);
    }
}
