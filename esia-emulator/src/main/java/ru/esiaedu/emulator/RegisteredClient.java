package ru.esiaedu.emulator;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/** A client system registered at the emulator (what ESIA's technology portal would hold). */
record RegisteredClient(String clientId, String name, X509Certificate certificate, String certificateHash,
                        List<RedirectRule> redirectRules, Set<String> allowedScopes) {

    boolean redirectAllowed(String uri) {
        return redirectRules.stream().anyMatch(r -> r.allows(uri));
    }
}
