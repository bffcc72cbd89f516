package ru.esiaedu.consent.source;

import org.keycloak.provider.ProviderFactory;

/** Factory of one consent source; its id is what the consent-check step's «Источник согласий» names. */
public interface ConsentSourceFactory extends ProviderFactory<ConsentSource> {

    /** Shown in the admin console next to the id. */
    String getDisplayName();
}
