package ru.esiaedu.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.keycloak.provider.Provider;

/**
 * The school registry as seen by the login flows. Every argument that is matched against stored data must be
 * normalised by the caller with {@link ru.esiaedu.registry.normalize}; the finders compare exactly.
 */
public interface SchoolRegistryProvider extends Provider {

    List<RegistryAccount> findBySnils(RegistryRole role, String normalisedSnils) throws RegistryUnavailableException;

    List<RegistryAccount> findByPhone(RegistryRole role, String normalisedPhone) throws RegistryUnavailableException;

    List<RegistryAccount> findByEmail(RegistryRole role, String normalisedEmail) throws RegistryUnavailableException;

    /**
     * Accounts with these normalised last and first names and birth date; when a middle name is given, accounts
     * with another middle name are left out but accounts without one are kept ("+middle if both have it").
     */
    List<RegistryAccount> findByNameAndBirthDate(RegistryRole role, String normalisedLastName, String normalisedFirstName,
            String normalisedMiddleNameOrNull, LocalDate birthDate) throws RegistryUnavailableException;

    /** Accounts of every role linked to this ESIA person. */
    List<RegistryAccount> findLinked(String esiaOid) throws RegistryUnavailableException;

    Optional<RegistryAccount> findById(String accountId) throws RegistryUnavailableException;

    /**
     * Records that this ESIA person owns the account; idempotent; refuses (returns false) if another oid holds it
     * or the account does not exist.
     *
     * @param how "SNILS", "PHONE", "EMAIL", "NAME_DOCUMENT" or "LEGACY_LOGIN"
     */
    boolean link(String accountId, String esiaOid, String how) throws RegistryUnavailableException;

    List<Organisation> organisations() throws RegistryUnavailableException;

    /** Legacy login of the chosen role in the chosen organisation; empty when unknown login or wrong password. */
    Optional<RegistryAccount> checkLegacyLogin(String organisationId, RegistryRole role, String login, char[] password)
            throws RegistryUnavailableException;

    AccessRequestReceipt createAccessRequest(AccessRequest request) throws RegistryUnavailableException;
}
