package ru.esiaedu.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Contract stub (to be replaced by the school-registry branch). */
public interface SchoolRegistryProvider extends org.keycloak.provider.Provider {
    List<RegistryAccount> findBySnils(RegistryRole role, String normalisedSnils) throws RegistryUnavailableException;
    List<RegistryAccount> findByPhone(RegistryRole role, String normalisedPhone) throws RegistryUnavailableException;
    List<RegistryAccount> findByEmail(RegistryRole role, String normalisedEmail) throws RegistryUnavailableException;
    List<RegistryAccount> findByNameAndBirthDate(RegistryRole role, String normalisedLastName, String normalisedFirstName,
            String normalisedMiddleNameOrNull, LocalDate birthDate) throws RegistryUnavailableException;
    List<RegistryAccount> findLinked(String esiaOid) throws RegistryUnavailableException;
    Optional<RegistryAccount> findById(String accountId) throws RegistryUnavailableException;
    boolean link(String accountId, String esiaOid, String how) throws RegistryUnavailableException;
    List<Organisation> organisations() throws RegistryUnavailableException;
    Optional<RegistryAccount> checkLegacyLogin(String organisationId, RegistryRole role, String login, char[] password) throws RegistryUnavailableException;
    AccessRequestReceipt createAccessRequest(AccessRequest request) throws RegistryUnavailableException;
}
