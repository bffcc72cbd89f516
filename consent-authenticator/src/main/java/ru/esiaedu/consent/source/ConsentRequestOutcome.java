package ru.esiaedu.consent.source;

/**
 * @param requestId  the source's id of the (new or already open) request
 * @param created    false when a request was already open and nobody was notified again
 * @param recipients how many people were asked (both parents, or the adult student); 0 when the source cannot say
 */
public record ConsentRequestOutcome(String requestId, boolean created, int recipients) {
}
