package ru.esiaedu.consent.access;

import java.util.Arrays;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserManager;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import ru.esiaedu.login.step.Registry;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/**
 * Removes what a minor's refused first login left: the Keycloak user created in this login (with its attributes,
 * federated identity and sessions) and the registry links made for them. It runs after the request's transaction has
 * ended, in a transaction of its own: the page that says a consent is needed is rendered and its authentication session
 * stays usable («Согласие получено — войти», «Выход»), and no step of this request meets a user that is gone. The
 * person's next login is a first login again.
 */
public final class RefusedFirstLoginCleanup {

    private static final Logger LOG = Logger.getLogger(RefusedFirstLoginCleanup.class);

    /** Who undid the links, in the registry's link record. */
    public static final String UNLINKED_BY = "consent-check";
    /** Why, in the registry's link record. */
    public static final String UNLINK_REASON = "Нет согласия на вход при первом входе";

    private RefusedFirstLoginCleanup() {
    }

    /**
     * @param linkedAccounts the registry account ids linked in this login, comma-separated (may be null)
     */
    public static void afterThisRequest(KeycloakSession session, RealmModel realm, UserModel user, String oid,
                                        String linkedAccounts) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = realm.getId();
        String userId = user.getId();
        List<String> accounts = accounts(linkedAccounts);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                run(factory, realmId, userId, oid, accounts);
            }

            @Override
            protected void rollbackImpl() {
                // The request's changes (the new user among them, when created in this request) are rolled back.
            }
        });
    }

    static List<String> accounts(String linkedAccounts) {
        if (linkedAccounts == null || linkedAccounts.isBlank()) {
            return List.of();
        }
        return Arrays.stream(linkedAccounts.split(",")).map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
    }

    private static void run(KeycloakSessionFactory factory, String realmId, String userId, String oid,
                            List<String> accounts) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm == null) {
                    return;
                }
                session.getContext().setRealm(realm);
                UserModel user = session.users().getUserById(realm, userId);
                if (user != null) {
                    new UserManager(session).removeUser(realm, user);
                }
                int unlinked = oid == null ? 0 : unlink(session, oid, accounts);
                LOG.infof("consent check: a minor's first login ended without consent; the new user was removed and "
                        + "%d registry link(s) of this login undone", unlinked);
            });
        } catch (RuntimeException e) {
            LOG.errorf("consent check: a minor's refused first login could not be cleaned up (%s); remove the user "
                    + "with esia-links/erasure", e.getClass().getName());
        }
    }

    private static int unlink(KeycloakSession session, String oid, List<String> accounts) {
        if (accounts.isEmpty()) {
            return 0;
        }
        int unlinked = 0;
        try {
            SchoolRegistryProvider registry = Registry.of(session);
            for (String account : accounts) {
                if (registry.unlink(account, oid, UNLINKED_BY, UNLINK_REASON)) {
                    unlinked++;
                }
            }
        } catch (RegistryUnavailableException e) {
            LOG.warnf("consent check: registry unavailable, links of a refused first login stay (%s)",
                    e.getClass().getSimpleName());
        }
        return unlinked;
    }
}
