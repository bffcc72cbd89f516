package ru.esiaedu.benchmarks.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ru.esiaedu.registry.AccessRequest;
import ru.esiaedu.registry.AccessRequestReceipt;
import ru.esiaedu.registry.ConsentRecord;
import ru.esiaedu.registry.ConsentRequestReceipt;
import ru.esiaedu.registry.ConsentRequestRecord;
import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.SchoolRegistryProvider;
import ru.esiaedu.registry.normalize.Emails;
import ru.esiaedu.registry.normalize.Names;
import ru.esiaedu.registry.normalize.Phones;
import ru.esiaedu.registry.normalize.Snils;

/**
 * The matching half of {@link SchoolRegistryProvider} in memory, with the JDBC registry's contract: finders take
 * values as ESIA sends them and normalise them with {@code ru.esiaedu.registry.normalize} (a value that does not
 * normalise finds nothing); the cards' own values are indexed normalised by the same functions. Linking refuses an
 * account another ESIA person holds. Used instead of the JDBC registry on H2 so that 100 000 people load and match in
 * seconds (and by throughput-benchmark's in-process benchmark of a first login's match, so that only our Java work is
 * timed); the consent and request methods are not part of matching and refuse to run.
 */
public final class InMemoryRegistry implements SchoolRegistryProvider {

    private final Map<String, RegistryAccount> byId = new HashMap<>();
    private final Map<String, List<String>> index = new HashMap<>();
    /** Account ids per linked ESIA oid, so that {@link #findLinked} is a lookup like the registry's indexed query. */
    private final Map<String, Set<String>> linked = new HashMap<>();

    public InMemoryRegistry(Collection<RegistryAccount> accounts) {
        for (RegistryAccount account : accounts) {
            byId.put(account.id(), account);
            if (account.esiaOid() != null) {
                linked.computeIfAbsent(account.esiaOid(), oid -> new LinkedHashSet<>()).add(account.id());
            }
            Snils.normalize(account.snils()).ifPresent(snils -> put("snils", account, snils));
            for (String phone : account.phones()) {
                Phones.normalize(phone).ifPresent(normalised -> put("phone", account, normalised));
            }
            for (String email : account.emails()) {
                Emails.normalize(email).ifPresent(normalised -> put("email", account, normalised));
            }
            String name = nameKey(account.lastName(), account.firstName(), account.birthDate());
            if (name != null) {
                put("name", account, name);
            }
        }
    }

    @Override
    public List<RegistryAccount> findBySnils(RegistryRole role, String snils) {
        return Snils.normalize(snils).map(value -> find("snils", role, value)).orElse(List.of());
    }

    @Override
    public List<RegistryAccount> findByPhone(RegistryRole role, String phone) {
        return Phones.normalize(phone).map(value -> find("phone", role, value)).orElse(List.of());
    }

    @Override
    public List<RegistryAccount> findByEmail(RegistryRole role, String email) {
        return Emails.normalize(email).map(value -> find("email", role, value)).orElse(List.of());
    }

    @Override
    public List<RegistryAccount> findByNameAndBirthDate(RegistryRole role, String lastName, String firstName,
                                                        String middleNameOrNull, LocalDate birthDate) {
        String key = nameKey(lastName, firstName, birthDate);
        if (key == null) {
            return List.of();
        }
        String middle = Names.normalize(middleNameOrNull);
        List<RegistryAccount> found = new ArrayList<>();
        for (RegistryAccount account : find("name", role, key)) {
            String theirs = Names.normalize(account.middleName());
            if (middle == null || theirs == null || middle.equals(theirs)) {
                found.add(account);
            }
        }
        return found;
    }

    @Override
    public List<RegistryAccount> findLinked(String esiaOid) {
        return linked.getOrDefault(esiaOid, Set.of()).stream().map(byId::get).toList();
    }

    @Override
    public Optional<RegistryAccount> findById(String accountId) {
        return Optional.ofNullable(byId.get(accountId));
    }

    @Override
    public boolean link(String accountId, String esiaOid, LinkRule how) {
        RegistryAccount account = byId.get(accountId);
        if (account == null || (account.esiaOid() != null && !account.esiaOid().equals(esiaOid))) {
            return false;
        }
        byId.put(accountId, new RegistryAccount(account.id(), account.role(), account.organisation(),
                account.className(), account.lastName(), account.firstName(), account.middleName(),
                account.birthDate(), account.snils(), account.phones(), account.emails(), account.documents(), esiaOid));
        linked.computeIfAbsent(esiaOid, oid -> new LinkedHashSet<>()).add(accountId);
        return true;
    }

    @Override
    public boolean unlink(String accountId, String esiaOid, String by, String reason) {
        RegistryAccount account = byId.get(accountId);
        if (account == null || !esiaOid.equals(account.esiaOid())) {
            return false;
        }
        byId.put(accountId, new RegistryAccount(account.id(), account.role(), account.organisation(),
                account.className(), account.lastName(), account.firstName(), account.middleName(),
                account.birthDate(), account.snils(), account.phones(), account.emails(), account.documents(), null));
        Set<String> ids = linked.get(esiaOid);
        ids.remove(accountId);
        if (ids.isEmpty()) {
            linked.remove(esiaOid);
        }
        return true;
    }

    private void put(String kind, RegistryAccount account, String value) {
        index.computeIfAbsent(kind + '|' + account.role() + '|' + value, key -> new ArrayList<>(1)).add(account.id());
    }

    /** The current state of the accounts (links included), in the order the cards were loaded. */
    private List<RegistryAccount> find(String kind, RegistryRole role, String value) {
        List<String> ids = index.getOrDefault(kind + '|' + role + '|' + value, List.of());
        List<RegistryAccount> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            found.add(byId.get(id));
        }
        return found;
    }

    private static String nameKey(String lastName, String firstName, LocalDate birthDate) {
        String last = Names.normalize(lastName);
        String first = Names.normalize(firstName);
        return last == null || first == null || birthDate == null ? null : last + '|' + first + '|' + birthDate;
    }

    // --- not part of matching ------------------------------------------------------------------------------------

    @Override
    public List<Organisation> organisations() {
        throw notMatching();
    }

    @Override
    public Optional<RegistryAccount> checkLegacyLogin(String organisationId, RegistryRole role, String login, char[] password) {
        throw notMatching();
    }

    @Override
    public AccessRequestReceipt createAccessRequest(AccessRequest request) {
        throw notMatching();
    }

    @Override
    public Optional<ConsentRecord> findActiveConsent(String studentAccountId, String clientId) {
        throw notMatching();
    }

    @Override
    public Optional<ConsentRequestRecord> findLatestConsentRequest(String studentAccountId, String clientId) {
        throw notMatching();
    }

    @Override
    public ConsentRequestReceipt requestConsent(String studentAccountId, String clientId, boolean studentApproves) {
        throw notMatching();
    }

    @Override
    public Optional<ConsentRequestRecord> findConsentRequest(long requestId) {
        throw notMatching();
    }

    @Override
    public List<ConsentRequestRecord> findPendingConsentRequests(Collection<String> approverAccountIds) {
        throw notMatching();
    }

    @Override
    public Optional<ConsentRecord> approveConsentRequest(long requestId, String approverAccountId, String approverEsiaOid,
                                                         String textVersion) {
        throw notMatching();
    }

    @Override
    public boolean declineConsentRequest(long requestId, String approverAccountId) {
        throw notMatching();
    }

    @Override
    public List<ConsentRecord> findConsentsGrantedBy(Collection<String> grantorAccountIds) {
        throw notMatching();
    }

    @Override
    public boolean revokeConsent(long consentId, String byAccountId) {
        throw notMatching();
    }

    @Override
    public List<ConsentRecord> listConsents(String studentAccountIdOrNull, int first, int max) {
        throw notMatching();
    }

    @Override
    public void close() {
    }

    private static UnsupportedOperationException notMatching() {
        return new UnsupportedOperationException("the benchmark registry serves matching only");
    }
}
