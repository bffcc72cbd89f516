package ru.esiaedu.esia.broker;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.UserModel;

/**
 * Brings the fields of a Keycloak user that ESIA owns in line with this login's person, and writes only what
 * differs. Why only that: each write to a cached user drops the user from Keycloak's user cache on every node, and
 * each attribute written is a delete and an insert in the database; a returning person whose data did not change
 * (nearly every login) costs none of it.
 */
final class EsiaUserRefresh {

    private EsiaUserRefresh() {
    }

    /** True when the e-mail ESIA sent is not the one the user has (Keycloak's own update then runs). */
    static boolean emailDiffers(UserModel user, BrokeredIdentityContext context) {
        return context.getEmail() != null && !context.getEmail().equalsIgnoreCase(user.getEmail());
    }

    static void refresh(UserModel user, BrokeredIdentityContext context) {
        if (context.getFirstName() != null && !context.getFirstName().equals(user.getFirstName())) {
            user.setFirstName(context.getFirstName());
        }
        if (context.getLastName() != null && !context.getLastName().equals(user.getLastName())) {
            user.setLastName(context.getLastName());
        }
        Map<String, List<String>> sent = context.getAttributes();
        for (String name : EsiaUserAttributes.ALL) {
            List<String> values = sent.get(name);
            if (values == null || values.isEmpty()) {
                removeIfPresent(user, name);
            } else if (!Objects.equals(values, user.getAttributeStream(name).toList())) {
                user.setAttribute(name, values);
            }
        }
        EsiaUserAttributes.NO_LONGER_KEPT.forEach(name -> removeIfPresent(user, name));
    }

    private static void removeIfPresent(UserModel user, String name) {
        if (user.getAttributeStream(name).findAny().isPresent()) {
            user.removeAttribute(name);
        }
    }
}
