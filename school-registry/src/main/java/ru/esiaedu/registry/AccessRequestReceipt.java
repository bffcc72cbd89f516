package ru.esiaedu.registry;

/**
 * @param number       shown to the person, e.g. "Р-2026-000123"; null when {@code limitReached}
 * @param created      false when the same requestKey was seen before (a double submit) or the person already has an
 *                     open request to that organisation (its number is returned)
 * @param limitReached nothing created: the person sent the daily number of requests already
 */
public record AccessRequestReceipt(String number, boolean created, boolean limitReached) {

    public AccessRequestReceipt(String number, boolean created) {
        this(number, created, false);
    }

    public static AccessRequestReceipt dailyLimitReached() {
        return new AccessRequestReceipt(null, false, true);
    }
}
