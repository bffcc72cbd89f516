package ru.esiaedu.benchmarks.imports;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * An import file as a large school system exports it for Russian Excel («CSV (разделители — точка с запятой)»,
 * Windows-1251, CRLF): students in classes «1А»…«11Я» with birth dates and some SNILS numbers, a mother for every
 * student and a father for some, with phones (one or two, typed in the usual ways) and e-mails, and class teachers.
 * Deterministic for a seed.
 */
final class SchoolFileGenerator {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final String HEADINGS = "Идентификатор;Роль;Фамилия;Имя;Отчество;Дата рождения;СНИЛС;Телефон;Эл. почта;"
            + "Класс;Родитель для;Кем приходится;Должность;Классы руководства";

    private static final List<String> SURNAMES = List.of("Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев",
            "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев",
            "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
            "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв");
    private static final List<String> MALE = List.of("Александр", "Максим", "Иван", "Артём", "Дмитрий", "Никита",
            "Михаил", "Даниил", "Егор", "Андрей", "Илья", "Алексей", "Роман", "Сергей", "Владимир", "Тимофей");
    private static final List<String> FEMALE = List.of("Анастасия", "Мария", "Анна", "Виктория", "Екатерина",
            "Наталья", "Марина", "Полина", "Софья", "Дарья", "Алиса", "Ксения", "Александра", "Елена", "Ольга", "Ирина");
    private static final List<String> FATHER_NAMES = List.of("Александрович", "Сергеевич", "Дмитриевич",
            "Андреевич", "Алексеевич", "Игоревич", "Олегович", "Викторович");
    private static final String LETTERS = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ";

    private final Random random;

    SchoolFileGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** The file text with about {@code rows} rows (students, then their parents, then staff). */
    String generate(int rows) {
        int staff = Math.max(1, rows / 50);
        int families = (rows - staff) * 100 / 218;     // a student, a mother, a father for 18 of 100
        StringBuilder out = new StringBuilder(rows * 130);
        out.append(HEADINGS).append("\r\n");
        int written = 0;
        int classes = 11 * LETTERS.length();
        for (int i = 0; i < families && written < rows - staff; i++) {
            boolean boy = random.nextBoolean();
            String surname = pick(SURNAMES);
            int grade = 1 + i % 11;
            String className = grade + String.valueOf(LETTERS.charAt((i / 11) % LETTERS.length()));
            LocalDate birth = LocalDate.of(2026 - 7 - grade, 1 + random.nextInt(12), 1 + random.nextInt(28));
            String snils = random.nextInt(3) == 0 ? snils() : "";
            row(out, "S" + i, "Ученик", boy ? surname : surname + "а", pick(boy ? MALE : FEMALE),
                    patronymic(boy), birth.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")), snils,
                    "", i % 4 == 0 ? "s" + i + "@school.example" : "", className, "", "", "", "");
            written++;
            row(out, "M" + i, "Родитель", surname + "а", pick(FEMALE), patronymic(false),
                    LocalDate.of(1975 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28))
                            .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")),
                    random.nextInt(2) == 0 ? snils() : "", phones(), "mother" + i + "@mail.example", "", "S" + i, "Мать",
                    "", "");
            written++;
            if (i % 100 < 18 && written < rows - staff) {
                row(out, "F" + i, "Родитель", surname, pick(MALE), patronymic(true), "", "", phone(),
                        random.nextBoolean() ? "Father" + i + "@Mail.Example" : "", "", "S" + i, "Отец", "", "");
                written++;
            }
        }
        for (int t = 0; written < rows; t++, written++) {
            boolean man = random.nextInt(5) == 0;
            String surname = pick(SURNAMES);
            int c = t % classes;
            String className = (1 + c % 11) + String.valueOf(LETTERS.charAt((c / 11) % LETTERS.length()));
            row(out, "T" + t, "Сотрудник", man ? surname : surname + "а", pick(man ? MALE : FEMALE), patronymic(man),
                    "", snils(), phone(), "teacher" + t + "@school.example", "", "", "", "Классный руководитель",
                    className);
        }
        return out.toString();
    }

    private String phones() {
        return random.nextInt(5) == 0 ? "\"" + phone() + ", " + phone() + "\"" : phone();
    }

    private String phone() {
        int n = 1_000_000 + random.nextInt(9_000_000);
        String digits = "9" + (10 + random.nextInt(90)) + n;
        return switch (random.nextInt(3)) {
            case 0 -> "8 (" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6, 8) + "-"
                    + digits.substring(8);
            case 1 -> "+7 " + digits.substring(0, 3) + " " + digits.substring(3);
            default -> "8" + digits;
        };
    }

    /** A SNILS with a valid check number. */
    private String snils() {
        int[] d = new int[9];
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            d[i] = i == 0 ? 1 + random.nextInt(9) : random.nextInt(10);
            sum += d[i] * (9 - i);
        }
        int check = sum < 100 ? sum : sum == 100 || sum == 101 ? 0 : sum % 101 == 100 ? 0 : sum % 101;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            s.append(d[i]);
            if (i == 2 || i == 5) {
                s.append('-');
            }
        }
        return s.append(' ').append(String.format("%02d", check)).toString();
    }

    private String patronymic(boolean male) {
        String p = pick(FATHER_NAMES);
        return male ? p : p.substring(0, p.length() - 3) + "на";
    }

    private String pick(List<String> names) {
        return names.get(random.nextInt(names.size()));
    }

    private static void row(StringBuilder out, String... cells) {
        out.append(String.join(";", cells)).append("\r\n");
    }
}
