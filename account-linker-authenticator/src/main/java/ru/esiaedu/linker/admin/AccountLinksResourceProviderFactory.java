package ru.esiaedu.linker.admin;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import ru.esiaedu.login.step.AdminExtensionFactory;
import ru.esiaedu.login.step.Registry;

/** Admin REST extension {@code esia-links}: {@code /admin/realms/{realm}/esia-links} (see {@link AccountLinksResource}). */
public final class AccountLinksResourceProviderFactory extends AdminExtensionFactory {

    public static final String ID = "esia-links";

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        return new AccountLinksResource(session, realm, auth, adminEvent, () -> Registry.of(session));
    }

    @Override
    public String getId() {
        return ID;
    }
}
