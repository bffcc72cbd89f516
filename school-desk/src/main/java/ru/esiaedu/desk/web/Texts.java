package ru.esiaedu.desk.web;

import java.util.Map;

import ru.esiaedu.registry.school.StaffLinkResult;

/** Russian text for the stable codes the registry and the desk answer with; the page shows it next to the field. */
final class Texts {

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("snils_check_digit", "СНИЛС с неверным контрольным числом: проверьте цифры"),
            Map.entry("snils", "СНИЛС: 11 цифр, например 123-456-789 64"),
            Map.entry("phone", "Телефон: мобильный номер из 10 цифр, например +7 901 111-11-11"),
            Map.entry("email", "Адрес электронной почты указан неверно, например primer123@mail.ru"),
            Map.entry("birth_date", "Дата рождения: дд.мм.гггг, не позже сегодняшнего дня"),
            Map.entry("required", "Заполните поле"),
            Map.entry("too_long", "Слишком длинное значение"),
            Map.entry("name", "Фамилия, имя и отчество: буквы, пробел и дефис"),
            Map.entry("unknown_field", "Это поле не редактируется"),
            Map.entry("unknown_kinship", "Укажите «Мать» или «Отец»"),
            Map.entry("esia_oid", "Идентификатор Госуслуг (oid): только цифры"),
            Map.entry("organisation", "Укажите организацию"),
            Map.entry("unknown_status", "Неизвестное состояние обращения"),
            Map.entry("bad_json", "Запрос не прочитан: неверный формат"),
            Map.entry("csrf", "Запрос отклонён: обновите страницу и повторите"),
            Map.entry("not_found", "Не найдено"),
            Map.entry("unauthorized", "Войдите заново"),
            Map.entry("NOT_STAFF", "Страница доступна только педагогам и сотрудникам"),
            Map.entry("NO_POSITION", "Учётная запись сотрудника не найдена. Следует обратиться к администратору системы"
                    + " вашей образовательной организации"),
            Map.entry("BAD_TOKEN", "Токен не подходит для этого API"),
            Map.entry("registry_unavailable", "Электронный журнал временно недоступен. Изменения не сохранены, повторите"
                    + " позже"),
            Map.entry("duplicate_person_id", "Этот идентификатор уже встречался в файле"),
            Map.entry("unknown_role", "Неизвестная роль"),
            Map.entry("unknown_class", "Такого класса нет в организации"),
            Map.entry("unknown_child", "Ребёнок с таким идентификатором не найден"),
            Map.entry("file", "Файл пустой или слишком большой (до 32 МБ)"),
            Map.entry("too_many", "Слишком много значений в поле"),
            Map.entry("role_mismatch", "Роль не совпадает с ролью уже загруженной записи с этим идентификатором"),
            Map.entry("not_for_role", "Это поле не заполняется для такой роли"),
            Map.entry("not_for_position", "Классы руководства указываются только классному руководителю"),
            Map.entry("unknown_position", "Неизвестная должность: классный руководитель, заместитель директора или"
                    + " администратор"),
            Map.entry("duplicate_column", "Столбец повторяется"),
            Map.entry("missing_column", "Нет обязательного столбца"),
            Map.entry("unknown_column", "Неизвестный столбец"),
            Map.entry("too_many_columns", "В строке больше ячеек, чем столбцов в заголовке"),
            Map.entry("too_many_rows", "Слишком много строк: разделите файл"),
            Map.entry("empty_file", "В файле нет строк"),
            Map.entry("unterminated_quote", "Кавычка в ячейке не закрыта"),
            Map.entry("xlsx_not_supported", "Файл XLSX: сохраните его в Excel как «CSV (разделители — точка с запятой)»"));

    private Texts() {
    }

    static String reason(String code) {
        String text = REASONS.get(code);
        return text != null ? text : "Значение не принято (" + code + ")";
    }

    static String link(StaffLinkResult result) {
        return switch (result) {
            case LINKED -> "Учётная запись Госуслуг привязана";
            case ALREADY_LINKED -> "Эта учётная запись Госуслуг уже привязана к этой записи";
            case HELD_BY_ANOTHER -> "К записи привязана другая учётная запись Госуслуг: сначала отвяжите её";
            case NO_ACCOUNT -> "Запись не найдена";
            case REQUEST_NOT_OPEN -> "Обращение уже рассмотрено";
        };
    }
}
