package ru.esiaedu.benchmarks.matching;

import java.util.ArrayList;
import java.util.List;

import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.linker.match.AccountMatcher;
import ru.esiaedu.linker.match.MatchResult;
import ru.esiaedu.registry.LinkRule;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

/**
 * The baseline: matching as it was before a contact had to agree with the card's owner. The old rule: SNILS first,
 * then <em>every</em> account the verified phone finds is linked, then every account the verified e-mail finds, then
 * name + birth date + document; accounts another ESIA person holds are skipped. The SNILS and document steps are the
 * real {@link AccountMatcher}'s (asked with the contacts left out, which leaves exactly those two steps), so the only
 * difference measured is the contact rule.
 */
final class OldContactRule implements Matcher {

    private final SchoolRegistryProvider registry;
    private final AccountMatcher documentsOnly;

    OldContactRule(SchoolRegistryProvider registry, AccountMatcher matcher) {
        this.registry = registry;
        this.documentsOnly = matcher;
    }

    @Override
    public MatchResult match(BrokeredEsiaPerson person, RegistryRole role) throws RegistryUnavailableException {
        MatchResult byDocuments = documentsOnly.match(withoutContacts(person), role);
        if (byDocuments.matched() && byDocuments.rule() == LinkRule.SNILS) {
            return byDocuments;
        }
        if (present(person.verifiedMobile())) {
            List<RegistryAccount> found = available(person, registry.findByPhone(role, person.verifiedMobile()));
            if (!found.isEmpty()) {
                return new MatchResult(LinkRule.PHONE, found);
            }
        }
        if (present(person.verifiedEmail())) {
            List<RegistryAccount> found = available(person, registry.findByEmail(role, person.verifiedEmail()));
            if (!found.isEmpty()) {
                return new MatchResult(LinkRule.EMAIL, found);
            }
        }
        return byDocuments;
    }

    private static BrokeredEsiaPerson withoutContacts(BrokeredEsiaPerson p) {
        return new BrokeredEsiaPerson(p.oid(), p.lastName(), p.firstName(), p.middleName(), p.birthDate(), p.snils(),
                p.trusted(), p.accountType(), null, null, p.passport(), p.birthCertificate(), p.childNames());
    }

    private static List<RegistryAccount> available(BrokeredEsiaPerson person, List<RegistryAccount> accounts) {
        List<RegistryAccount> result = new ArrayList<>();
        for (RegistryAccount account : accounts) {
            if (account.esiaOid() == null || account.esiaOid().equals(person.oid())) {
                result.add(account);
            }
        }
        return List.copyOf(result);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
