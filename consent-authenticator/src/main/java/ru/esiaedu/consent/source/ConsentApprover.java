package ru.esiaedu.consent.source;

/**
 * A person who may approve requests inside the platform: a parent (for their children) or an adult student (for
 * themself).
 *
 * @param realmId  Keycloak realm id
 * @param esiaOid  the person's ESIA oid (their registry accounts are found by it)
 */
public record ConsentApprover(String realmId, String esiaOid) {

    @Override
    public String toString() {
        return "ConsentApprover[realm=" + realmId + "]";
    }
}
