package ru.esiaedu.benchmarks.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import ru.esiaedu.esia.api.AccountType;
import ru.esiaedu.esia.person.BrokeredEsiaPerson;
import ru.esiaedu.registry.DocumentType;
import ru.esiaedu.registry.IdentityDocument;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.normalize.Documents;

/**
 * Generates a region from one seeded random source: families (two parents, one to four children, twins, sons named
 * after their fathers), staff (most of them parents too), grandparents who hold no card; then the school registry's
 * cards as schools really fill them in (missing SNILS and birth dates, Ё typed as Е, typos, a parent's phone on the
 * child's card, the family's shared e-mail, old numbers since given to someone else, placeholder numbers) and the ESIA
 * accounts of the same people. The rates are stated here once; the report prints what they produced.
 */
final class RegionGenerator {

    /** The numbers schools type when they have none. */
    static final List<String> PLACEHOLDER_PHONES = List.of("79000000000", "79999999999", "79111111111", "70000000000");

    private static final String[] DOMAINS = {"mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru", "list.ru"};
    private static final String ROMAN = "IVX";
    private static final String CYRILLIC = "АБВГДЕЖИКЛМНОПРСТУФХЮЯ";

    private final Random random;
    private final RussianNames names;
    private final LocalDate today;
    private final List<Person> people = new ArrayList<>();
    private final Set<String> phonesInUse = new HashSet<>();
    private final List<RegistryAccount> cards = new ArrayList<>();
    private final Map<String, Person> owners = new HashMap<>();
    private final Map<String, Set<Scenario>> cardScenarios = new HashMap<>();
    private final List<Organisation> schools = new ArrayList<>();
    private final List<Organisation> supplementary = new ArrayList<>();
    /** A grandchild and the grandparent whose phone is typed on the grandchild's cards. */
    private final Map<Person, Person> grandparentOf = new HashMap<>();
    private long snilsCounter;
    private int documentCounter;

    RegionGenerator(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.names = new RussianNames(random);
        this.today = today;
        this.snilsCounter = 2_000_000 + random.nextInt(100_000_000);
    }

    /**
     * SNILS numbers from {@code first} on: districts of one large region generated apart must not share numbers.
     */
    RegionGenerator snilsFrom(long first) {
        this.snilsCounter = first;
        return this;
    }

    /** A region whose registry holds cards of at least {@code peopleWithCards} people. */
    Region generate(int peopleWithCards) {
        for (int i = 0; i < Math.max(3, peopleWithCards / 500); i++) {
            schools.add(new Organisation("school-" + i, "SCHOOL", "Школа № " + (i + 1), "Район " + (i % 20 + 1)));
        }
        for (int i = 0; i < Math.max(1, peopleWithCards / 3000); i++) {
            supplementary.add(new Organisation("dop-" + i, "SUPPLEMENTARY", "Дом творчества № " + (i + 1), "Район " + (i % 20 + 1)));
        }
        List<Person.Family> families = new ArrayList<>();
        int staffOnly = peopleWithCards * 3 / 100;
        // Some parents are never registered by a school (no card): families are generated with that margin.
        while (people.size() < (peopleWithCards - staffOnly) * 1.09) {
            families.add(family());
        }
        List<Person> staff = new ArrayList<>();
        for (Person.Family family : families) {
            for (Person parent : family.parents()) {
                if (random.nextDouble() < 0.05) {
                    parent.scenarios.add(Scenario.STAFF_WHO_IS_PARENT);
                    staff.add(parent);
                }
            }
        }
        for (int i = 0; i < staffOnly; i++) {
            Person teacher = adult(random.nextDouble() >= 0.8, names.surname(), 23 + random.nextInt(40));
            teacher.scenarios.add(Scenario.STAFF);
            staff.add(teacher);
        }
        List<Person> grandparents = new ArrayList<>();
        for (int i = 0; i < Math.max(2, peopleWithCards / 50); i++) {
            Person.Family family = families.get(random.nextInt(families.size()));
            Person child = family.children.get(0);
            Person grandparent = adult(random.nextBoolean(), family.father != null ? maleSurname(family.father.lastName) : names.surname(), 55 + random.nextInt(20));
            grandparent.scenarios.add(Scenario.NO_CARD_IN_ROLE);
            grandparent.family = family;
            grandparents.add(grandparent);
            grandparentOf.put(child, grandparent);   // the grandparent's phone goes on the child's cards
        }
        namesakes();
        recycledNumbers();
        placeholderOwners();

        for (Person.Family family : families) {
            registerFamily(family);
        }
        for (Person teacher : staff) {
            card(teacher, RegistryRole.STAFF, schools.get(random.nextInt(schools.size())), false);
        }
        for (Person person : people) {
            esiaAccount(person);
        }
        return new Region(List.copyOf(people), List.copyOf(cards), Map.copyOf(owners), Map.copyOf(cardScenarios),
                logins(new HashSet<>(grandparents)));
    }


    private Person.Family family() {
        Person.Family family = new Person.Family();
        String surname = names.surname();
        int eldest = 6 + random.nextInt(12) + (random.nextDouble() < 0.04 ? 1 : 0);
        int parentsAge = eldest + 22 + random.nextInt(14);
        double shape = random.nextDouble();
        if (shape < 0.88) {
            family.father = adult(true, surname, parentsAge + random.nextInt(4));
            family.mother = adult(false, random.nextDouble() < 0.12 ? names.surname() : surname, parentsAge);
            family.father.scenarios.add(Scenario.PARENT_IN_FAMILY);
            family.mother.scenarios.add(Scenario.PARENT_IN_FAMILY);
        } else if (shape < 0.97) {
            family.mother = adult(false, surname, parentsAge);
            family.mother.scenarios.add(Scenario.SINGLE_PARENT);
        } else {
            family.father = adult(true, surname, parentsAge);
            family.father.scenarios.add(Scenario.SINGLE_PARENT);
        }
        for (Person parent : family.parents()) {
            parent.family = family;
        }
        String fatherName = family.father != null ? family.father.firstName : names.firstName(true);
        double size = random.nextDouble();
        int children = size < 0.38 ? 1 : size < 0.78 ? 2 : size < 0.94 ? 3 : 4;
        LocalDate previous = null;
        for (int i = 0; i < children; i++) {
            boolean twin = previous != null && random.nextDouble() < 0.06;
            boolean male = random.nextBoolean();
            Person child = new Person(people.size(), male);
            people.add(child);
            child.lastName = RussianNames.surnameFor(surname, male);
            child.firstName = names.firstName(male);
            while (siblingNamed(family, child.firstName)) {
                child.firstName = names.firstName(male);
            }
            if (male && family.father != null && random.nextDouble() < 0.05 && !siblingNamed(family, family.father.firstName)) {
                child.firstName = family.father.firstName;
                child.scenarios.add(Scenario.SON_NAMED_AFTER_FATHER);
                family.father.scenarios.add(Scenario.SON_NAMED_AFTER_FATHER);
            }
            child.middleName = RussianNames.patronymic(fatherName, male);
            if (twin) {
                child.birthDate = previous;
                child.scenarios.add(Scenario.TWIN);
                family.children.get(family.children.size() - 1).scenarios.add(Scenario.TWIN);
            } else {
                int age = i == 0 ? eldest : Math.max(6, eldest - 1 - random.nextInt(5) - i);
                child.birthDate = birthDate(age);
            }
            previous = child.birthDate;
            child.scenarios.add(Scenario.STUDENT);
            identity(child);
            if (ageOf(child) >= 10 && random.nextDouble() < 0.8) {
                child.phone = newPhone();
            }
            if (ageOf(child) >= 14 && random.nextDouble() < 0.5) {
                child.email = email(child);
            }
            child.family = family;
            family.children.add(child);
        }
        if (family.mother != null && family.father != null && random.nextDouble() < 0.3) {
            family.sharedEmail = "semya" + people.size() + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
            Person holder = random.nextDouble() < 0.7 ? family.mother : family.father;
            holder.email = family.sharedEmail;
        }
        return family;
    }

    private static boolean siblingNamed(Person.Family family, String firstName) {
        return family.children.stream().anyMatch(sibling -> sibling.firstName.equals(firstName));
    }

    private Person adult(boolean male, String maleSurname, int age) {
        Person person = new Person(people.size(), male);
        people.add(person);
        person.lastName = RussianNames.surnameFor(maleSurname, male);
        person.firstName = names.firstName(male);
        person.middleName = RussianNames.patronymic(names.firstName(true), male);
        person.birthDate = birthDate(age);
        identity(person);
        if (random.nextDouble() < 0.97) {
            person.phone = newPhone();
        }
        if (random.nextDouble() < 0.8) {
            person.email = email(person);
        }
        return person;
    }

    private static String maleSurname(String surname) {
        return surname.endsWith("а") ? surname.substring(0, surname.length() - 1) : surname;
    }

    private void identity(Person person) {
        person.snils = nextSnils();
        documentCounter++;
        person.birthCertificateSeries = ROMAN.charAt(random.nextInt(ROMAN.length())) + "" + (random.nextBoolean() ? "I" : "")
                + "-" + CYRILLIC.charAt(random.nextInt(CYRILLIC.length())) + CYRILLIC.charAt(random.nextInt(CYRILLIC.length()));
        person.birthCertificateNumber = String.format("%06d", documentCounter % 1_000_000);
        person.passportSeries = String.format("%02d%02d", 45 + documentCounter / 1_000_000, random.nextInt(100));
        person.passportNumber = String.format("%06d", documentCounter % 1_000_000);
    }

    /** Some people get another person's exact full name (same sex): namesakes beyond what the name skew gives. */
    private void namesakes() {
        int count = people.size() / 200;
        for (int i = 0; i < count; i++) {
            Person one = people.get(random.nextInt(people.size()));
            Person other = people.get(random.nextInt(people.size()));
            if (one == other || one.male != other.male || one.family == other.family) {
                continue;
            }
            other.lastName = one.lastName;
            other.firstName = one.firstName;
            other.middleName = one.middleName;
            one.scenarios.add(Scenario.NAMESAKE);
            other.scenarios.add(Scenario.NAMESAKE);
        }
    }

    /** 3 % of numbers were given up; the operator gave each to a random other person of the region. */
    private void recycledNumbers() {
        int count = people.size() * 3 / 100;
        for (int i = 0; i < count; i++) {
            Person previous = people.get(random.nextInt(people.size()));
            Person next = people.get(random.nextInt(people.size()));
            if (previous == next || previous.phone == null || previous.oldPhone != null || next.oldPhone != null
                    || next.scenarios.contains(Scenario.RECYCLED_NUMBER_RECEIVED)) {
                continue;
            }
            previous.oldPhone = previous.phone;
            previous.phone = newPhone();
            next.phone = previous.oldPhone;
            next.scenarios.add(Scenario.RECYCLED_NUMBER_RECEIVED);
        }
    }

    /** A placeholder number is somebody's real number too: one adult in 10 000 owns one. */
    private void placeholderOwners() {
        for (int i = 0; i < Math.max(1, people.size() / 10_000); i++) {
            Person owner = people.get(random.nextInt(people.size()));
            if (ageOf(owner) >= 18) {
                owner.phone = PLACEHOLDER_PHONES.get(i % PLACEHOLDER_PHONES.size());
                owner.scenarios.add(Scenario.PLACEHOLDER_NUMBER_OWNER);
            }
        }
    }

    private void registerFamily(Person.Family family) {
        Set<Organisation> parentOrganisations = new java.util.LinkedHashSet<>();
        Organisation home = schools.get(random.nextInt(schools.size()));
        for (Person child : family.children) {
            Organisation school = random.nextDouble() < 0.85 ? home : schools.get(random.nextInt(schools.size()));
            card(child, RegistryRole.STUDENT, school, false);
            parentOrganisations.add(school);
            if (random.nextDouble() < 0.12) {
                Organisation club = supplementary.get(random.nextInt(supplementary.size()));
                card(child, RegistryRole.STUDENT, club, true);
                if (random.nextDouble() < 0.5) {
                    parentOrganisations.add(club);
                }
            }
        }
        for (Person parent : family.parents()) {
            // Schools do not always register both parents: the other one has no parent card.
            double registered = parent == family.mother ? 0.95 : 0.75;
            if (random.nextDouble() >= registered) {
                continue;
            }
            for (Organisation organisation : parentOrganisations) {
                card(parent, RegistryRole.PARENT, organisation, organisation.type().equals("SUPPLEMENTARY"));
            }
        }
    }

    /** One card as a school fills it in. */
    private void card(Person person, RegistryRole role, Organisation organisation, boolean second) {
        Set<Scenario> flaws = EnumSet.noneOf(Scenario.class);
        if (second) {
            flaws.add(Scenario.SECOND_CARD);
        }
        int age = ageOf(person);
        String last = person.lastName;
        String first = person.firstName;
        String middle = random.nextDouble() < 0.05 ? null : person.middleName;
        if ((last + first + middle).contains("ё") || (last + first + middle).contains("Ё")) {
            if (random.nextBoolean()) {
                last = last.replace('ё', 'е');
                first = first.replace('ё', 'е').replace('Ё', 'Е');
                middle = middle == null ? null : middle.replace('ё', 'е');
                flaws.add(Scenario.YO_AS_E);
            }
        }
        if (random.nextDouble() < 0.02) {
            if (random.nextBoolean()) {
                last = typo(last);
            } else {
                first = typo(first);
            }
            flaws.add(Scenario.NAME_TYPO);
        }
        if (random.nextDouble() < 0.007) {
            String swap = last;
            last = first;
            first = swap;
            flaws.add(Scenario.NAME_FIELDS_SWAPPED);
        }
        double birthShare = role == RegistryRole.STUDENT ? 0.995 : role == RegistryRole.STAFF ? 0.95 : 0.35;
        LocalDate birth = random.nextDouble() < birthShare ? person.birthDate : null;
        if (birth == null) {
            flaws.add(Scenario.NO_BIRTH_DATE_ON_CARD);
        } else if (random.nextDouble() < 0.005) {
            birth = birth.plusDays(1 + random.nextInt(40));
            flaws.add(Scenario.BIRTH_DATE_TYPO);
        }
        double snilsShare = second ? 0.15 : role == RegistryRole.STAFF ? 0.95 : role == RegistryRole.PARENT ? 0.45
                : age >= 14 ? 0.75 : 0.6;
        String snils = random.nextDouble() < snilsShare ? person.snils : null;
        if (snils == null) {
            flaws.add(Scenario.NO_SNILS_ON_CARD);
        }
        List<String> phones = phones(person, role, age, flaws);
        List<String> emails = emails(person, role, age, flaws);
        List<IdentityDocument> documents = documents(person, role, age, second, flaws);
        String id = "acc-" + cards.size();
        cards.add(new RegistryAccount(id, role, organisation, role == RegistryRole.STUDENT ? (1 + Math.max(0, Math.min(10, age - 7))) + "А" : null,
                last, first, middle, birth, snils, phones, emails, documents, null));
        owners.put(id, person);
        cardScenarios.put(id, flaws);
        person.addCard(role, id);
    }

    private List<String> phones(Person person, RegistryRole role, int age, Set<Scenario> flaws) {
        List<String> phones = new ArrayList<>(2);
        String own = person.oldPhone != null && random.nextDouble() < 0.7 ? person.oldPhone : person.phone;
        if (role == RegistryRole.STUDENT) {
            List<Person> parents = person.family.parents();
            Person parent = parents.get(random.nextInt(parents.size()));
            double pick = random.nextDouble();
            boolean ownFirst = age >= 14 ? pick < 0.5 : pick < 0.1;
            if (ownFirst && own != null) {
                phones.add(own);
            } else if (pick < (age >= 14 ? 0.85 : 0.95)) {
                addIfPresent(phones, currentOrOld(parent));
                if (pick > 0.7 && parents.size() > 1) {
                    addIfPresent(phones, currentOrOld(parents.get(parents.size() - 1 - parents.indexOf(parent))));
                }
                if (!phones.isEmpty()) {
                    flaws.add(Scenario.PARENT_PHONE_ON_CARD);
                }
            }
            Person grandparent = grandparentOf.get(person);
            if (grandparent != null && grandparent.phone != null) {
                phones.add(grandparent.phone);
            }
        } else {
            double share = role == RegistryRole.STAFF ? 0.85 : 0.78;
            if (own != null && random.nextDouble() < share) {
                phones.add(own);
            }
            if (role == RegistryRole.PARENT && person.family != null && random.nextDouble() < 0.1) {
                for (Person other : person.family.parents()) {
                    if (other != person && other.phone != null) {
                        phones.add(other.phone);
                        flaws.add(Scenario.OTHER_PARENT_PHONE_ON_CARD);
                    }
                }
            }
        }
        if (phones.contains(person.oldPhone) && person.oldPhone != null) {
            flaws.add(Scenario.OLD_NUMBER_ON_CARD);
        }
        if (!phones.isEmpty() && random.nextDouble() < 0.015) {
            phones.set(0, typo(phones.get(0)));
            flaws.add(Scenario.PHONE_TYPO_ON_CARD);
        }
        if (random.nextDouble() < 0.03) {
            phones.clear();
            phones.add(PLACEHOLDER_PHONES.get(random.nextInt(PLACEHOLDER_PHONES.size())));
            flaws.add(Scenario.PLACEHOLDER_PHONE_ON_CARD);
        }
        if (phones.isEmpty()) {
            flaws.add(Scenario.NO_PHONE_ON_CARD);
        }
        return phones;
    }

    private String currentOrOld(Person person) {
        return person.oldPhone != null && random.nextDouble() < 0.7 ? person.oldPhone : person.phone;
    }

    private List<String> emails(Person person, RegistryRole role, int age, Set<Scenario> flaws) {
        List<String> emails = new ArrayList<>(1);
        String shared = person.family == null ? null : person.family.sharedEmail;
        double pick = random.nextDouble();
        if (role == RegistryRole.STUDENT) {
            if (shared != null && pick < 0.3) {
                emails.add(shared);
            } else if (age >= 14 && person.email != null && pick < 0.5) {
                emails.add(person.email);
            } else if (pick < 0.6) {
                List<Person> parents = person.family.parents();
                addIfPresent(emails, parents.get(random.nextInt(parents.size())).email);
            }
        } else if (shared != null && role == RegistryRole.PARENT && pick < 0.3) {
            emails.add(shared);
        } else if (person.email != null && pick < (role == RegistryRole.STAFF ? 0.6 : 0.7)) {
            emails.add(person.email);
        }
        if (emails.contains(shared) && shared != null) {
            flaws.add(Scenario.FAMILY_EMAIL_ON_CARD);
        }
        if (emails.isEmpty()) {
            flaws.add(Scenario.NO_EMAIL_ON_CARD);
        }
        return emails;
    }

    private List<IdentityDocument> documents(Person person, RegistryRole role, int age, boolean second, Set<Scenario> flaws) {
        List<IdentityDocument> documents = new ArrayList<>(1);
        double pick = random.nextDouble();
        if (!second) {
            if (role == RegistryRole.STUDENT && age < 14 && pick < 0.65) {
                documents.add(birthCertificate(person));
            } else if (role == RegistryRole.STUDENT && age >= 14 && pick < 0.45) {
                documents.add(passport(person));
            } else if (role == RegistryRole.STUDENT && age >= 14 && pick < 0.8) {
                documents.add(birthCertificate(person));
                flaws.add(Scenario.BIRTH_CERTIFICATE_ONLY);
            } else if (role != RegistryRole.STUDENT && pick < (role == RegistryRole.STAFF ? 0.6 : 0.3)) {
                documents.add(passport(person));
            }
        }
        if (documents.isEmpty()) {
            flaws.add(Scenario.NO_DOCUMENT_ON_CARD);
        }
        return documents;
    }

    private static IdentityDocument birthCertificate(Person person) {
        return new IdentityDocument(DocumentType.BIRTH_CERTIFICATE, Documents.normalize(person.birthCertificateSeries),
                Documents.normalize(person.birthCertificateNumber));
    }

    private static IdentityDocument passport(Person person) {
        return new IdentityDocument(DocumentType.PASSPORT, person.passportSeries, person.passportNumber);
    }

    /** The ESIA account of the person, from the same truth. */
    private void esiaAccount(Person person) {
        int age = ageOf(person);
        double pick = random.nextDouble();
        if (age < 14) {
            person.esiaAccount = pick < 0.65 ? AccountType.CHILD : null;
        } else if (age < 18 && person.scenarios.contains(Scenario.STUDENT)) {
            person.esiaAccount = pick < 0.55 ? AccountType.CONFIRMED : pick < 0.85 ? AccountType.SIMPLIFIED : null;
        } else {
            person.esiaAccount = pick < 0.88 ? AccountType.CONFIRMED : pick < 0.96 ? AccountType.SIMPLIFIED : null;
        }
        if (person.esiaAccount == null || person.esiaAccount == AccountType.CHILD) {
            if (person.esiaAccount == AccountType.CHILD) {
                person.scenarios.add(Scenario.CHILD_ESIA);
            }
            return;
        }
        if (person.esiaAccount == AccountType.SIMPLIFIED) {
            person.scenarios.add(Scenario.SIMPLIFIED_ESIA);
        }
        if (person.scenarios.contains(Scenario.STUDENT) && person.family.parents().get(0).phone != null
                && random.nextDouble() < 0.12) {
            Person parent = person.family.parents().get(0);
            person.esiaPhone = parent.phone;
            person.scenarios.add(Scenario.ESIA_PHONE_OF_PARENT);
        } else if (person.phone != null && random.nextDouble() < 0.92) {
            person.esiaPhone = person.phone;
        }
        if (person.esiaPhone == null) {
            person.scenarios.add(Scenario.NO_VERIFIED_PHONE);
        }
        if (person.email != null && random.nextDouble() < 0.8) {
            person.esiaEmail = person.email;
            if (person.family != null && person.email.equals(person.family.sharedEmail)) {
                person.scenarios.add(Scenario.FAMILY_EMAIL_VERIFIED);
            }
        } else {
            person.scenarios.add(Scenario.NO_VERIFIED_EMAIL);
        }
    }

    /**
     * One login per ESIA person and role they hold a card in, plus the logins that must find nothing: a parent the
     * schools never registered choosing «родители», a grandparent whose phone is on a grandchild's card.
     */
    private List<Login> logins(Set<Person> grandparents) {
        List<Login> logins = new ArrayList<>();
        for (Person person : people) {
            if (person.esiaAccount == null) {
                continue;
            }
            BrokeredEsiaPerson esia = esiaPerson(person);
            for (RegistryRole role : RegistryRole.values()) {
                if (!person.cardsIn(role).isEmpty()) {
                    logins.add(login(person, role, esia));
                }
            }
            boolean unregisteredParent = person.family != null && person.family.parents().contains(person)
                    && person.cardsIn(RegistryRole.PARENT).isEmpty();
            if (unregisteredParent || grandparents.contains(person)) {
                Login login = login(person, RegistryRole.PARENT, esia);
                login.scenarios().add(Scenario.NO_CARD_IN_ROLE);
                logins.add(login);
            }
        }
        Collections.shuffle(logins, random);
        return logins;
    }

    private Login login(Person person, RegistryRole role, BrokeredEsiaPerson esia) {
        Set<Scenario> scenarios = EnumSet.noneOf(Scenario.class);
        scenarios.addAll(person.scenarios);
        List<String> own = person.cardsIn(role);
        if (!own.isEmpty()) {
            scenarios.addAll(cardScenarios.get(own.get(0)));
            for (String other : own.subList(1, own.size())) {
                if (cardScenarios.get(other).contains(Scenario.SECOND_CARD)) {
                    scenarios.add(Scenario.SECOND_CARD);
                }
            }
        }
        return new Login(person, role, esia, scenarios);
    }

    /** What ESIA sends, formatted as ESIA formats it (the registry normalises). */
    private BrokeredEsiaPerson esiaPerson(Person person) {
        boolean adultDocuments = ageOf(person) >= 14;
        boolean confirmed = person.esiaAccount != AccountType.SIMPLIFIED;
        String lastName = person.lastName;
        String firstName = person.firstName;
        String middleName = person.middleName;
        if (random.nextDouble() < 0.2) {   // ESIA, too, sometimes holds the name with Е
            lastName = lastName.replace('ё', 'е');
            firstName = firstName.replace('ё', 'е').replace('Ё', 'Е');
            middleName = middleName == null ? null : middleName.replace('ё', 'е');
        }
        String snils = confirmed && random.nextDouble() < 0.97 ? formatSnils(person.snils) : null;
        BrokeredEsiaPerson.Document passport = adultDocuments && confirmed
                ? new BrokeredEsiaPerson.Document(person.passportSeries, person.passportNumber) : null;
        BrokeredEsiaPerson.Document birthCertificate = person.esiaAccount == AccountType.CHILD
                ? new BrokeredEsiaPerson.Document(person.birthCertificateSeries, person.birthCertificateNumber) : null;
        String phone = person.esiaPhone == null ? null
                : "+7(" + person.esiaPhone.substring(1, 4) + ")" + person.esiaPhone.substring(4);
        return new BrokeredEsiaPerson(person.oid(), lastName, firstName, middleName, person.birthDate, snils,
                confirmed, person.esiaAccount, person.esiaEmail, phone, passport, birthCertificate);
    }

    private static String formatSnils(String snils) {
        return snils.substring(0, 3) + "-" + snils.substring(3, 6) + "-" + snils.substring(6, 9) + " " + snils.substring(9);
    }

    private String nextSnils() {
        while (true) {
            long number = snilsCounter++;
            String digits = String.format("%09d", number);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (9 - i);
            }
            int check = sum < 100 ? sum : sum == 100 || sum == 101 ? 0 : sum % 101 == 100 ? 0 : sum % 101;
            if (hasTripleDigit(digits)) {
                continue;   // such numbers are never issued
            }
            return digits + String.format("%02d", check);
        }
    }

    private static boolean hasTripleDigit(String digits) {
        for (int i = 2; i < digits.length(); i++) {
            if (digits.charAt(i) == digits.charAt(i - 1) && digits.charAt(i) == digits.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }

    private String newPhone() {
        while (true) {
            String phone = "79" + String.format("%09d", random.nextInt(1_000_000_000));
            if (!PLACEHOLDER_PHONES.contains(phone) && phonesInUse.add(phone)) {
                return phone;
            }
        }
    }

    private String email(Person person) {
        return "u" + person.id + "." + random.nextInt(1000) + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
    }

    /** One character replaced (a digit by a digit, a letter by a Cyrillic letter), never the first. */
    private String typo(String value) {
        int at = 1 + random.nextInt(value.length() - 1);
        char original = value.charAt(at);
        char replacement = original;
        while (replacement == original) {
            replacement = Character.isDigit(original) ? (char) ('0' + random.nextInt(10))
                    : Character.toLowerCase(CYRILLIC.charAt(random.nextInt(CYRILLIC.length())));
        }
        return value.substring(0, at) + replacement + value.substring(at + 1);
    }

    private LocalDate birthDate(int age) {
        return today.minusYears(age).minusDays(1 + random.nextInt(364));
    }

    private int ageOf(Person person) {
        int years = today.getYear() - person.birthDate.getYear();
        return person.birthDate.plusYears(years).isAfter(today) ? years - 1 : years;
    }

    private static void addIfPresent(List<String> values, String value) {
        if (value != null && !values.contains(value)) {
            values.add(value);
        }
    }
}
