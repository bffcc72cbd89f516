package ru.esiaedu.consent.registry.admin;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import ru.esiaedu.login.step.AdminExtensionFactory;
import ru.esiaedu.login.step.Registry;

/** Admin REST extension {@code esia-consents}: {@code /admin/realms/{realm}/esia-consents} (see {@link ConsentAdminResource}). */
public final class ConsentAdminResourceProviderFactory extends AdminExtensionFactory {

    public static final String ID = "esia-consents";

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        return new ConsentAdminResource(session, realm, auth, () -> Registry.of(session));
    }

    @Override
    public String getId() {
        return ID;
    }
}
