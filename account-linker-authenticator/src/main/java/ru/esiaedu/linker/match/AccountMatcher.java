package ru.esiaedu.linker.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import ru.esiaedu.registry.DocumentType;
import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.login.age.AgeRules;
import ru.esiaedu.registry.IdentityDocument;
import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;
import ru.esiaedu.registry.normalize.Documents;
import ru.esiaedu.registry.normalize.Names;

/**
 * Finds the registry accounts of an ESIA person (docs/school-registry-contract.md, "Matching"):
 * against accounts of one role, the first rule that finds anything wins — SNILS, verified phone,
 * verified e-mail, then name + birth date + identity document. A phone or an e-mail counts only for
 * accounts whose owner agrees with the person on identity ({@link ContactOwnership}); a contact that
 * leads to several people links nothing ({@link MatchResult#ambiguous()}). Only confirmed ESIA data matches by
 * SNILS and documents; accounts already linked to another ESIA person never match. Values go to the registry as
 * ESIA sent them: the registry normalises what it compares. Which documents identify the person (from 14: SNILS and
 * the passport; below: the birth certificate) is the login steps' one age rule.
 */
public final class AccountMatcher {

    private final SchoolRegistryProvider registry;
    private final AgeRules ageRules;

    public AccountMatcher(SchoolRegistryProvider registry, AgeRules ageRules) {
        this.registry = Objects.requireNonNull(registry);
        this.ageRules = Objects.requireNonNull(ageRules);
    }

    /** Every role in turn (no role chosen): one result per role that matched (or was ambiguous), in enum order. */
    public List<MatchResult> matchAnyRole(BrokeredEsiaPerson person) throws RegistryUnavailableException {
        List<MatchResult> results = new ArrayList<>();
        for (RegistryRole role : RegistryRole.values()) {
            MatchResult result = match(person, role);
            if (result.matched() || result.ambiguous()) {
                results.add(result);
            }
        }
        return results;
    }

    public MatchResult match(BrokeredEsiaPerson person, RegistryRole role) throws RegistryUnavailableException {
        boolean ageKnown = person.birthDate() != null;
        boolean adultDocuments = ageKnown && ageRules.groupOf(person.birthDate()).identifiedByAdultDocuments();

        if (person.confirmed() && (role == RegistryRole.STAFF || adultDocuments) && present(person.snils())) {
            List<RegistryAccount> found = available(person, registry.findBySnils(role, person.snils()));
            if (!found.isEmpty()) {
                return new MatchResult(LinkRule.SNILS, found);
            }
        }

        if (present(person.verifiedMobile())) {
            MatchResult byPhone = byContact(person, LinkRule.PHONE, registry.findByPhone(role, person.verifiedMobile()));
            if (byPhone.matched() || byPhone.ambiguous()) {
                return byPhone;
            }
        }

        if (present(person.verifiedEmail())) {
            MatchResult byEmail = byContact(person, LinkRule.EMAIL, registry.findByEmail(role, person.verifiedEmail()));
            if (byEmail.matched() || byEmail.ambiguous()) {
                return byEmail;
            }
        }

        if (person.confirmed() && ageKnown && person.lastName() != null && person.firstName() != null) {
            DocumentType type = adultDocuments ? DocumentType.PASSPORT : DocumentType.BIRTH_CERTIFICATE;
            BrokeredEsiaPerson.Document document = adultDocuments ? person.passport() : person.birthCertificate();
            if (document != null) {
                List<RegistryAccount> candidates = registry.findByNameAndBirthDate(role, person.lastName(),
                        person.firstName(), present(person.middleName()) ? person.middleName() : null, person.birthDate());
                List<RegistryAccount> found = new ArrayList<>();
                for (RegistryAccount account : available(person, candidates)) {
                    if (sameName(person, account) && person.birthDate().equals(account.birthDate())
                            && hasDocument(account, type, document)) {
                        found.add(account);
                    }
                }
                if (!found.isEmpty()) {
                    return new MatchResult(LinkRule.NAME_DOCUMENT, List.copyOf(found));
                }
            }
        }
        return MatchResult.none();
    }

    /**
     * The accounts a contact found that are this person's ({@link ContactOwnership}); when they are more than one
     * person (twins sharing a phone, namesakes with one family e-mail) nothing is linked: only the school can tell.
     */
    private static MatchResult byContact(BrokeredEsiaPerson person, LinkRule rule, List<RegistryAccount> accounts) {
        List<RegistryAccount> owned = new ArrayList<>();
        for (RegistryAccount account : available(person, accounts)) {
            if (ContactOwnership.agrees(person, account)) {
                owned.add(account);
            }
        }
        if (ContactOwnership.severalPeople(owned)) {
            return MatchResult.ambiguous(rule);
        }
        return owned.isEmpty() ? MatchResult.none() : new MatchResult(rule, List.copyOf(owned));
    }

    /** Drops accounts another ESIA person already owns (the registry would refuse to link them). */
    private static List<RegistryAccount> available(BrokeredEsiaPerson person, List<RegistryAccount> accounts) {
        List<RegistryAccount> result = new ArrayList<>();
        for (RegistryAccount account : accounts == null ? List.<RegistryAccount>of() : accounts) {
            if (account.esiaOid() == null || account.esiaOid().equals(person.oid())) {
                result.add(account);
            }
        }
        return result;
    }

    /** Last and first name always; the middle name only when both sides have one. */
    private static boolean sameName(BrokeredEsiaPerson person, RegistryAccount account) {
        if (!Objects.equals(Names.normalize(person.lastName()), Names.normalize(account.lastName()))
                || !Objects.equals(Names.normalize(person.firstName()), Names.normalize(account.firstName()))) {
            return false;
        }
        String ours = blankToNull(Names.normalize(person.middleName()));
        String theirs = blankToNull(Names.normalize(account.middleName()));
        return ours == null || theirs == null || ours.equals(theirs);
    }

    private static boolean hasDocument(RegistryAccount account, DocumentType type, BrokeredEsiaPerson.Document document) {
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

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
