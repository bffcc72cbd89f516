package ru.esiaedu.esia.api;

import java.util.Locale;

/**
 * Decides the {@link AccountType}.
 *
 * <p><b>Assumption.</b> ESIA's id_token claim {@code urn:esia:sbj:lvl} is taken to mean
 * {@code "KD"} = child account, {@code "P"} = simplified, {@code "PR"} = confirmed. That reading is
 * <em>not</em> confirmed by any public ESIA client (docs/esia-idp.md lists it among the assumptions). This
 * method is the one narrow place to change when the real semantics become known. Only {@code KD} is
 * trusted from the claim; "confirmed" always comes from the person's {@code trusted} flag (or
 * {@code urn:esia:sbj:is_tru}), which is confirmed behaviour.
 */
public final class AccountTypes {

    /** Assumed value of {@code urn:esia:sbj:lvl} for a child's account (unconfirmed). */
    public static final String LEVEL_CHILD = "KD";

    private AccountTypes() {
    }

    /**
     * @param sbjLevelOrNull the id_token's {@code urn:esia:sbj:lvl}, or null when absent
     * @param trusted the person's {@code trusted} flag (confirmed account)
     * @return {@code CHILD} for level {@code KD}; otherwise {@code CONFIRMED} if trusted, else
     *         {@code SIMPLIFIED}
     */
    public static AccountType resolve(String sbjLevelOrNull, boolean trusted) {
        if (sbjLevelOrNull != null && LEVEL_CHILD.equals(sbjLevelOrNull.trim().toUpperCase(Locale.ROOT))) {
            return AccountType.CHILD;
        }
        return trusted ? AccountType.CONFIRMED : AccountType.SIMPLIFIED;
    }
}
