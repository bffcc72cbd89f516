package ru.esiaedu.linker.match;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import ru.esiaedu.registry.DocumentType;
import ru.esiaedu.registry.IdentityDocument;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;
import ru.esiaedu.registry.normalize.Documents;
import ru.esiaedu.registry.normalize.Emails;
import ru.esiaedu.registry.normalize.Names;
import ru.esiaedu.registry.normalize.Phones;
import ru.esiaedu.registry.normalize.Snils;

/**
 * Finds the registry accounts of an ESIA person (docs/school-registry-contract.md, "Matching"):
 * against accounts of one role, the first rule that finds anything wins — SNILS, verified phone,
 * verified e-mail, then name + birth date + identity document. Only confirmed ESIA data matches by
 * SNILS and documents; accounts already linked to another ESIA person never match.
 */
public final class AccountMatcher {

    /** From this age SNILS and the passport identify a student or parent (below it: birth certificate). */
    static final int ADULT_DOCUMENT_AGE = 14;

    private final SchoolRegistryProvider registry;
    private final Clock clock;

    public AccountMatcher(SchoolRegistryProvider registry, Clock clock) {
        this.registry = Objects.requireNonNull(registry);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Every role in turn (no role chosen): one result per role that matched, in enum order. */
    public List<MatchResult> matchAnyRole(EsiaPersonData person) throws RegistryUnavailableException {
        List<MatchResult> results = new ArrayList<>();
        for (RegistryRole role : RegistryRole.values()) {
            MatchResult result = match(person, role);
            if (result.matched()) {
                results.add(result);
            }
        }
        return results;
    }

    public MatchResult match(EsiaPersonData person, RegistryRole role) throws RegistryUnavailableException {
        int age = person.ageOn(LocalDate.now(clock));
        boolean adultDocuments = age >= ADULT_DOCUMENT_AGE;

        if (person.confirmed() && (role == RegistryRole.STAFF || adultDocuments)) {
            Optional<String> snils = Snils.normalize(person.snils());
            if (snils.isPresent()) {
                List<RegistryAccount> found = available(person, registry.findBySnils(role, snils.get()));
                if (!found.isEmpty()) {
                    return new MatchResult(MatchRule.SNILS, found);
                }
            }
        }

        Optional<String> phone = Phones.normalize(person.verifiedMobile());
        if (phone.isPresent()) {
            List<RegistryAccount> found = available(person, registry.findByPhone(role, phone.get()));
            if (!found.isEmpty()) {
                return new MatchResult(MatchRule.PHONE, found);
            }
        }

        Optional<String> email = Emails.normalize(person.verifiedEmail());
        if (email.isPresent()) {
            List<RegistryAccount> found = available(person, registry.findByEmail(role, email.get()));
            if (!found.isEmpty()) {
                return new MatchResult(MatchRule.EMAIL, found);
            }
        }

        if (person.confirmed() && age >= 0 && person.lastName() != null && person.firstName() != null) {
            DocumentType type = adultDocuments ? DocumentType.PASSPORT : DocumentType.BIRTH_CERTIFICATE;
            EsiaPersonData.Document document = adultDocuments ? person.passport() : person.birthCertificate();
            if (document != null) {
                String middle = Names.normalize(person.middleName());
                List<RegistryAccount> candidates = registry.findByNameAndBirthDate(role,
                        Names.normalize(person.lastName()), Names.normalize(person.firstName()),
                        middle == null || middle.isEmpty() ? null : middle, person.birthDate());
                List<RegistryAccount> found = new ArrayList<>();
                for (RegistryAccount account : available(person, candidates)) {
                    if (sameName(person, account) && person.birthDate().equals(account.birthDate())
                            && hasDocument(account, type, document)) {
                        found.add(account);
                    }
                }
                if (!found.isEmpty()) {
                    return new MatchResult(MatchRule.NAME_DOCUMENT, List.copyOf(found));
                }
            }
        }
        return MatchResult.none();
    }

    /** Drops accounts another ESIA person already owns (the registry would refuse to link them). */
    private static List<RegistryAccount> available(EsiaPersonData person, List<RegistryAccount> accounts) {
        List<RegistryAccount> result = new ArrayList<>();
        for (RegistryAccount account : accounts == null ? List.<RegistryAccount>of() : accounts) {
            if (account.esiaOid() == null || account.esiaOid().equals(person.oid())) {
                result.add(account);
            }
        }
        return result;
    }

    /** Last and first name always; the middle name only when both sides have one. */
    private static boolean sameName(EsiaPersonData person, RegistryAccount account) {
        if (!Objects.equals(Names.normalize(person.lastName()), Names.normalize(account.lastName()))
                || !Objects.equals(Names.normalize(person.firstName()), Names.normalize(account.firstName()))) {
            return false;
        }
        String ours = blankToNull(Names.normalize(person.middleName()));
        String theirs = blankToNull(Names.normalize(account.middleName()));
        return ours == null || theirs == null || ours.equals(theirs);
    }

    private static boolean hasDocument(RegistryAccount account, DocumentType type, EsiaPersonData.Document document) {
        String wanted = documentKey(type, document.series(), document.number());
        if (wanted.isEmpty() || account.documents() == null) {
            return false;
        }
        for (IdentityDocument candidate : account.documents()) {
            if (candidate.type() == type && wanted.equals(documentKey(type, candidate.series(), candidate.number()))) {
                return true;
            }
        }
        return false;
    }

    /** Series + number, normalised; a passport compares by its digits only (series/number split varies). */
    private static String documentKey(DocumentType type, String series, String number) {
        String key = nullToEmpty(Documents.normalize(series)) + nullToEmpty(Documents.normalize(number));
        return type == DocumentType.PASSPORT ? key.replaceAll("\\D", "") : key;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
