package ru.esiaedu.consent.esia;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;
import org.keycloak.models.IdentityProviderModel;

import ru.esiaedu.consent.ConsentIds;
import ru.esiaedu.esia.broker.EsiaIdentityProviderConfig;
import ru.esiaedu.esia.broker.EsiaIdentityProviderFactory;
import ru.esiaedu.esia.protocol.EsiaEnvironment;

/**
 * The {@code esia} consent source calls an ESIA interface that ESIA has not published (docs/esia-consent-adapter.md):
 * against the production ESIA every student login may end on «Не удалось проверить согласие». Until the operator has
 * confirmed the interface, the console and the log say so whenever that source meets the production environment.
 */
public final class AssumedInterfaceWarning {

    private static final Logger LOG = Logger.getLogger(AssumedInterfaceWarning.class);

    /** The text the console shows (server info of the source, the setting's help) and the log writes. */
    public static final String TEXT = "consent source 'esia' calls an ESIA consent interface that ESIA has not "
            + "published (docs/esia-consent-adapter.md); in the production ESIA environment every student login may end "
            + "on the consent-unavailable page — confirm the interface with ESIA or switch the consent check to the "
            + "'registry' source";

    public static final String TEXT_RU = "Внимание: источник esia обращается к интерфейсу согласий ЕСИА, который ЕСИА "
            + "не опубликовала; в производственной среде ЕСИА вход учащихся может завершаться страницей «Не удалось "
            + "проверить согласие». Подтвердите интерфейс у ЕСИА или выберите источник registry.";

    private static final Set<String> WARNED_REALMS = ConcurrentHashMap.newKeySet();

    private AssumedInterfaceWarning() {
    }

    /** The warning for this login's consent source and identity provider; empty when it does not apply. */
    public static Optional<String> forLogin(String sourceId, IdentityProviderModel idp) {
        if (!ConsentIds.SOURCE_ESIA.equals(sourceId) || idp == null
                || !EsiaIdentityProviderFactory.PROVIDER_ID.equals(idp.getProviderId())) {
            return Optional.empty();
        }
        return new EsiaIdentityProviderConfig(idp).getEnvironment() == EsiaEnvironment.PRODUCTION
                ? Optional.of(TEXT) : Optional.empty();
    }

    /** Logs the warning once per realm on this node (the console shows it always). */
    public static void logOnce(String realmId, String sourceId, IdentityProviderModel idp) {
        forLogin(sourceId, idp).filter(text -> WARNED_REALMS.add(realmId))
                .ifPresent(text -> LOG.warnf("realm %s: %s", realmId, text));
    }

    /** What the console's server info shows for the source. */
    static Map<String, String> operationalInfo() {
        return Map.of("warning", TEXT, "предупреждение", TEXT_RU);
    }
}
