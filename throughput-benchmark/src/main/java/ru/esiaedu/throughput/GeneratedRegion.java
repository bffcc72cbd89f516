package ru.esiaedu.throughput;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Many distinct adults, each an ESIA person (the emulator's persons.json) and a parent's card in the school registry
 * with the same SNILS, so that a first ESIA login links by SNILS and a returning one finds the link. Seeded: the
 * same seed gives the same people. Everyone is a confirmed account with a verified phone and e-mail and a passport.
 */
final class GeneratedRegion {
    static final long FIRST_OID = 2_000_000_000L;
    /** A school of the registry's demo data: the cards are its parents. */
    static final String ORGANISATION = "sch-chel-1";

    private static final String[] SURNAMES = {"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров",
            "Соколов", "Михайлов", "Новиков", "Федоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семенов",
            "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров"};
    private static final String[] MEN = {"Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений",
            "Иван", "Михаил", "Артем", "Николай", "Владимир", "Павел", "Роман", "Олег"};
    private static final String[] WOMEN = {"Елена", "Ольга", "Наталья", "Екатерина", "Анна", "Татьяна", "Мария",
            "Ирина", "Светлана", "Юлия", "Анастасия", "Марина", "Дарья", "Ксения", "Виктория"};
    private static final String[] PATRONYMIC_ROOTS = {"Александров", "Сергеев", "Дмитриев", "Андреев", "Алексеев",
            "Иванов", "Михайлов", "Николаев", "Владимиров", "Павлов", "Викторов", "Петров"};

    /** One generated adult: what ESIA knows and what the school typed (the same, normalised as the registry keeps it). */
    record Adult(long oid, String lastName, String firstName, String middleName, LocalDate birthDate, boolean male,
                 String snilsDigits, String phoneDigits, String email) {

        String cardId() {
            return "bench-" + oid;
        }

        /** {@code XXX-XXX-XXX YY}, as ESIA sends it. */
        String snilsFormatted() {
            String d = snilsDigits;
            return d.substring(0, 3) + "-" + d.substring(3, 6) + "-" + d.substring(6, 9) + " " + d.substring(9);
        }
    }

    private final List<Adult> adults;

    private GeneratedRegion(List<Adult> adults) {
        this.adults = List.copyOf(adults);
    }

    static GeneratedRegion generate(int people, long seed) {
        Random random = new Random(seed);
        List<Adult> adults = new ArrayList<>(people);
        for (int i = 0; i < people; i++) {
            boolean male = random.nextBoolean();
            String surname = SURNAMES[random.nextInt(SURNAMES.length)] + (male ? "" : "а");
            String first = male ? MEN[random.nextInt(MEN.length)] : WOMEN[random.nextInt(WOMEN.length)];
            String middle = PATRONYMIC_ROOTS[random.nextInt(PATRONYMIC_ROOTS.length)] + (male ? "ич" : "на");
            LocalDate born = LocalDate.of(1972, 1, 1).plusDays(random.nextInt(365 * 25));
            // Distinct by construction: the SNILS number, the phone and the e-mail all derive from i.
            String snils = Snils.withCheckNumber(String.format(Locale.ROOT, "%09d", 100_000_000 + i * 7L));
            String phone = String.format(Locale.ROOT, "79%09d", 100_000_000 + i);
            adults.add(new Adult(FIRST_OID + i, surname, first, middle, born, male, snils, phone,
                    "bench.person" + i + "@example.ru"));
        }
        return new GeneratedRegion(adults);
    }

    List<Adult> adults() {
        return adults;
    }

    /** The emulator's persons.json for these people. */
    ObjectNode personsJson(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        ArrayNode persons = root.putArray("persons");
        for (Adult a : adults) {
            ObjectNode p = persons.addObject();
            p.put("oid", a.oid());
            p.put("password", "Esia-Demo-2026");
            p.put("accountLevel", "PR");
            p.put("status", "REGISTERED");
            p.put("trusted", true);
            p.put("verifying", false);
            p.put("lastName", a.lastName());
            p.put("firstName", a.firstName());
            p.put("middleName", a.middleName());
            p.put("birthDate", String.format(Locale.ROOT, "%02d.%02d.%04d", a.birthDate().getDayOfMonth(),
                    a.birthDate().getMonthValue(), a.birthDate().getYear()));
            p.put("gender", a.male() ? "M" : "F");
            p.put("snils", a.snilsFormatted());
            p.put("citizenship", "RUS");
            p.put("updatedOn", 1761134400L);
            ArrayNode contacts = p.putArray("contacts");
            String d = a.phoneDigits();
            contacts.addObject().put("id", a.oid() * 10 + 1).put("type", "MBT").put("vrfStu", "VERIFIED")
                    .put("value", "+7(" + d.substring(1, 4) + ")" + d.substring(4));
            contacts.addObject().put("id", a.oid() * 10 + 2).put("type", "EML").put("vrfStu", "VERIFIED")
                    .put("value", a.email());
            p.putArray("documents").addObject().put("id", a.oid() * 10 + 3).put("type", "RF_PASSPORT")
                    .put("vrfStu", "VERIFIED").put("series", String.format(Locale.ROOT, "%04d", 4500 + (int) (a.oid() % 500)))
                    .put("number", String.format(Locale.ROOT, "%06d", a.oid() % 1_000_000)).put("issueDate", "01.02.2010")
                    .put("issueId", "770-001").put("issuedBy", "ОВД района");
            p.putArray("addresses");
            p.putArray("kids");
            p.putArray("parents");
        }
        return root;
    }

    /** The registry's spelling of a name: upper case, Ё as Е. */
    static String normalisedName(String name) {
        return name.toUpperCase(new Locale("ru")).replace('Ё', 'Е');
    }
}
