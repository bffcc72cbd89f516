package ru.esiaedu.contact;

import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Whether another user of the realm already has an address. Keycloak's own rule (the realm's «Duplicate emails» off)
 * always applies — storing a duplicate would fail on the database's constraint; {@link ContactSettings#onePersonPerAddress()}
 * applies it also where the realm allows duplicates, since the address is the one password recovery uses.
 */
final class EmailOwners {

    private EmailOwners() {
    }

    static boolean usedByAnotherUser(KeycloakSession session, RealmModel realm, UserModel self, String address,
                                     ContactSettings settings) {
        if (realm.isDuplicateEmailsAllowed() && !settings.onePersonPerAddress()) {
            return false;
        }
        String selfId = self == null ? null : self.getId();
        // A search, not getUserByEmail: with duplicates allowed the latter fails when two users share the address.
        return session.users()
                .searchForUserStream(realm, Map.of(UserModel.EMAIL, address, UserModel.EXACT, Boolean.TRUE.toString()), 0, 2)
                .anyMatch(user -> !user.getId().equals(selfId));
    }
}
