package ru.esiaedu.linker.match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import ru.esiaedu.registry.AccessRequest;
import ru.esiaedu.registry.AccessRequestReceipt;
import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;
import ru.esiaedu.registry.normalize.Emails;
import ru.esiaedu.registry.normalize.Names;
import ru.esiaedu.registry.normalize.Phones;
import ru.esiaedu.registry.normalize.Snils;

/**
 * In-memory registry with the contract's semantics: stored values are normalised, finders take raw input and
 * normalise it (a value that does not normalise asks nothing, like the JDBC registry); records the queries.
 */
public final class FakeRegistry implements SchoolRegistryProvider {

    public final List<RegistryAccount> accounts = new ArrayList<>();
    public final List<String> queries = new ArrayList<>();
    public final List<String> links = new ArrayList<>();
    public boolean down;

    public FakeRegistry add(RegistryAccount account) {
        accounts.add(account);
        return this;
    }

    private void check(String query) throws RegistryUnavailableException {
        queries.add(query);
        if (down) {
            throw new RegistryUnavailableException("down", null);
        }
    }

    @Override
    public List<RegistryAccount> findBySnils(RegistryRole role, String rawSnils) throws RegistryUnavailableException {
        String snils = Snils.normalize(rawSnils).orElse(null);
        if (snils == null) {
            return List.of();
        }
        check("SNILS");
        return accounts.stream().filter(a -> a.role() == role && snils.equals(a.snils())).toList();
    }

    @Override
    public List<RegistryAccount> findByPhone(RegistryRole role, String rawPhone) throws RegistryUnavailableException {
        String phone = Phones.normalize(rawPhone).orElse(null);
        if (phone == null) {
            return List.of();
        }
        check("PHONE");
        return accounts.stream().filter(a -> a.role() == role && a.phones().contains(phone)).toList();
    }

    @Override
    public List<RegistryAccount> findByEmail(RegistryRole role, String rawEmail) throws RegistryUnavailableException {
        String email = Emails.normalize(rawEmail).orElse(null);
        if (email == null) {
            return List.of();
        }
        check("EMAIL");
        return accounts.stream().filter(a -> a.role() == role && a.emails().contains(email)).toList();
    }

    @Override
    public List<RegistryAccount> findByNameAndBirthDate(RegistryRole role, String rawLast, String rawFirst,
                                                        String rawMiddle, LocalDate birthDate) throws RegistryUnavailableException {
        String last = Names.normalize(rawLast);
        String first = Names.normalize(rawFirst);
        String middle = rawMiddle == null || Names.normalize(rawMiddle).isEmpty() ? null : Names.normalize(rawMiddle);
        if (last == null || first == null || birthDate == null) {
            return List.of();
        }
        check("NAME");
        return accounts.stream().filter(a -> a.role() == role && last.equals(a.lastName()) && first.equals(a.firstName())
                && birthDate.equals(a.birthDate())
                && (middle == null || a.middleName() == null || middle.equals(a.middleName()))).toList();
    }

    @Override
    public List<RegistryAccount> findLinked(String esiaOid) throws RegistryUnavailableException {
        check("LINKED");
        return accounts.stream().filter(a -> esiaOid.equals(a.esiaOid())).toList();
    }

    @Override
    public Optional<RegistryAccount> findById(String accountId) throws RegistryUnavailableException {
        check("ID");
        return accounts.stream().filter(a -> a.id().equals(accountId)).findFirst();
    }

    @Override
    public boolean link(String accountId, String esiaOid, LinkRule how) throws RegistryUnavailableException {
        check("LINK");
        for (int i = 0; i < accounts.size(); i++) {
            RegistryAccount a = accounts.get(i);
            if (a.id().equals(accountId)) {
                if (a.esiaOid() != null && !Objects.equals(a.esiaOid(), esiaOid)) {
                    return false;
                }
                accounts.set(i, new RegistryAccount(a.id(), a.role(), a.organisation(), a.className(), a.lastName(),
                        a.firstName(), a.middleName(), a.birthDate(), a.snils(), a.phones(), a.emails(), a.documents(), esiaOid));
                links.add(accountId + ":" + how.name());
                return true;
            }
        }
        return false;
    }

    public final List<String> unlinks = new ArrayList<>();

    @Override
    public boolean unlink(String accountId, String esiaOid, String by, String reason) throws RegistryUnavailableException {
        check("UNLINK");
        for (int i = 0; i < accounts.size(); i++) {
            RegistryAccount a = accounts.get(i);
            if (a.id().equals(accountId) && esiaOid.equals(a.esiaOid())) {
                accounts.set(i, new RegistryAccount(a.id(), a.role(), a.organisation(), a.className(), a.lastName(),
                        a.firstName(), a.middleName(), a.birthDate(), a.snils(), a.phones(), a.emails(), a.documents(), null));
                unlinks.add(accountId + ":" + by);
                return true;
            }
        }
        return false;
    }

    /** What {@link #organisations()} lists. */
    public final List<Organisation> organisationList = new ArrayList<>();
    /** Legacy logins that work: "organisationId/ROLE/login" → password and the account it opens. */
    public final java.util.Map<String, java.util.Map.Entry<String, String>> legacyLogins = new java.util.HashMap<>();
    /** Every password check asked for, as "organisationId/ROLE/login". */
    public final List<String> legacyChecks = new ArrayList<>();
    /** Every access request sent, and what the registry answers to the next one. */
    public final List<AccessRequest> requests = new ArrayList<>();
    public AccessRequestReceipt nextReceipt = new AccessRequestReceipt("Z-1", true);

    @Override
    public List<Organisation> organisations() throws RegistryUnavailableException {
        check("ORGANISATIONS");
        return List.copyOf(organisationList);
    }

    @Override
    public Optional<RegistryAccount> checkLegacyLogin(String organisationId, RegistryRole role, String login, char[] password)
            throws RegistryUnavailableException {
        check("LEGACY");
        String key = organisationId + "/" + role.name() + "/" + login;
        legacyChecks.add(key);
        var known = legacyLogins.get(key);
        if (known == null || !known.getKey().equals(new String(password))) {
            return Optional.empty();
        }
        return accounts.stream().filter(a -> a.id().equals(known.getValue())).findFirst();
    }

    @Override
    public AccessRequestReceipt createAccessRequest(AccessRequest request) throws RegistryUnavailableException {
        check("REQUEST");
        requests.add(request);
        return nextReceipt;
    }

    @Override
    public void close() {
    }

    // consents are not the linker's business: the consent-authenticator module tests them
    @Override public java.util.Optional<ru.esiaedu.registry.ConsentRecord> findActiveConsent(String a, String c) { throw new UnsupportedOperationException(); }
    @Override public java.util.Optional<ru.esiaedu.registry.ConsentRequestRecord> findLatestConsentRequest(String a, String c) { throw new UnsupportedOperationException(); }
    @Override public ru.esiaedu.registry.ConsentRequestReceipt requestConsent(String a, String c, boolean s) { throw new UnsupportedOperationException(); }
    @Override public java.util.Optional<ru.esiaedu.registry.ConsentRequestRecord> findConsentRequest(long id) { throw new UnsupportedOperationException(); }
    @Override public java.util.List<ru.esiaedu.registry.ConsentRequestRecord> findPendingConsentRequests(java.util.Collection<String> ids) { throw new UnsupportedOperationException(); }
    @Override public java.util.Optional<ru.esiaedu.registry.ConsentRecord> approveConsentRequest(long id, String a, String o, String t) { throw new UnsupportedOperationException(); }
    @Override public boolean declineConsentRequest(long id, String a) { throw new UnsupportedOperationException(); }
    @Override public java.util.List<ru.esiaedu.registry.ConsentRecord> findConsentsGrantedBy(java.util.Collection<String> ids) { throw new UnsupportedOperationException(); }
    @Override public boolean revokeConsent(long id, String a) { throw new UnsupportedOperationException(); }
    @Override public java.util.List<ru.esiaedu.registry.ConsentRecord> listConsents(String a, int f, int m) { throw new UnsupportedOperationException(); }
}
