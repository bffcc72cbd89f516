package ru.esiaedu.registry;

import java.util.List;

/**
 * How an ESIA person came to hold a registry account; stored with every link ({@code sr_account_link.how}) and
 * named in the login events ({@code match_rule}). The first four are the match rules, tried in this order.
 */
public enum LinkRule {
    SNILS, PHONE, EMAIL, NAME_DOCUMENT,
    /** The person typed the account's old login and password («Привязать учётную запись»). */
    LEGACY_LOGIN,
    /** A staff member of the organisation linked the person (from a request or the class page). */
    STAFF;

    /** The rules matching tries, in order. */
    public static final List<LinkRule> MATCH_ORDER = List.of(SNILS, PHONE, EMAIL, NAME_DOCUMENT);
}
