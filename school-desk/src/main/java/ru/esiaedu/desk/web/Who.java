package ru.esiaedu.desk.web;

import org.keycloak.models.ClientModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;

import ru.esiaedu.desk.access.Caller;

/** Who the request comes from, as {@link DeskCallers} decides it. */
sealed interface Who {

    /**
     * A staff member, a region operator or a school system; {@code byCookie} when it came with the browser's session.
     * The Keycloak user, client and token are for the admin event of a write.
     */
    record Known(Caller caller, boolean byCookie, UserModel user, ClientModel client, AccessToken token) implements Who {
    }

    /** No session and no token: the pages send the browser to the realm's login, the API answers 401. */
    record Nobody() implements Who {
    }

    /** A valid token or session that may not use the desk; {@code reason} says why (for the page's text). */
    record Refused(Reason reason) implements Who {
    }

    enum Reason {
        /** signed in for another role (parent, student) or without a profile */
        NOT_STAFF,
        /** a staff profile without a position in the registry */
        NO_POSITION,
        /** a token the desk does not accept (wrong client, no school-api role, no organisation, expired) */
        BAD_TOKEN
    }
}
