package ru.esiaedu.esia.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import ru.esiaedu.esia.api.EsiaErrorCode;

/**
 * ESIA's redirect back carries {@code error} and {@code error_description} as the browser sent them, so anyone can
 * put anything there. Whatever they hold, the person gets one of the pages that exist.
 */
class EsiaRedirectErrorProperties {

    private static final Set<String> PAGES = Set.of(EsiaMessages.CANCELLED, EsiaMessages.ACCOUNT_NOT_CONFIRMED,
            EsiaMessages.CLIENT_MISCONFIGURED, EsiaMessages.SESSION_EXPIRED, EsiaMessages.UNAVAILABLE,
            EsiaMessages.UNKNOWN);

    @Property
    void anyRedirectErrorEndsOnAnExistingPage(@ForAll("descriptions") String description,
            @ForAll("errors") String error) {
        String code = EsiaErrorCode.extract(description);
        String page = EsiaMessages.forEsiaError(code, error);
        if (page.startsWith("esiaError.")) {
            assertThat(EsiaMessages.CODES_WITH_TEXT).contains(page.substring("esiaError.".length()));
        } else {
            assertThat(PAGES).contains(page);
        }
    }

    @Provide
    Arbitrary<String> descriptions() {
        Arbitrary<String> code = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(8).map(d -> "ESIA-" + d);
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60), code,
                code.map(c -> c + ": text"), code.map(c -> "text " + c.toLowerCase(java.util.Locale.ROOT)),
                Arbitraries.of(EsiaMessages.CODES_WITH_TEXT), Arbitraries.just((String) null));
    }

    @Provide
    Arbitrary<String> errors() {
        return Arbitraries.oneOf(Arbitraries.of("access_denied", "invalid_grant", "server_error", "invalid_scope",
                "unauthorized_client", "temporarily_unavailable"), Arbitraries.strings().ofMaxLength(30),
                Arbitraries.just((String) null));
    }
}
