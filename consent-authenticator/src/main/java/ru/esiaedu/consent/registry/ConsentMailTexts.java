package ru.esiaedu.consent.registry;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The texts of the consent e-mails: the login theme's message bundle ({@code esiaConsentMail*} keys of
 * {@code esia-edu}, editable by operators through the realm's localisation), with the Russian texts below when a
 * realm uses a login theme without them. MessageFormat rules as in the theme.
 */
public final class ConsentMailTexts {

    public static final String SUBJECT = "esiaConsentMailSubject";
    public static final String GREETING = "esiaConsentMailGreeting";
    public static final String CHILD = "esiaConsentMailChild";
    public static final String TEXT = "esiaConsentMailText";
    public static final String TEXT_UNNAMED = "esiaConsentMailTextUnnamed";
    public static final String ACTION = "esiaConsentMailAction";
    public static final String LINK_LABEL = "esiaConsentMailLinkLabel";
    public static final String NO_LINK = "esiaConsentMailNoLink";
    public static final String IGNORE = "esiaConsentMailIgnore";
    public static final String FOOTER = "esiaConsentMailFooter";
    public static final String SELF_SUBJECT = "esiaConsentMailSelfSubject";
    public static final String SELF_TEXT = "esiaConsentMailSelfText";
    public static final String SELF_ACTION = "esiaConsentMailSelfAction";
    public static final String SELF_NO_LINK = "esiaConsentMailSelfNoLink";

    /** Same as {@code messages_ru.properties} of {@code esia-edu} (a test keeps them equal). */
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry(SUBJECT, "Запрос согласия на вход ребёнка в электронный дневник"),
            Map.entry(GREETING, "Здравствуйте!"),
            Map.entry(CHILD, "{0}, класс {1}"),
            Map.entry(TEXT, "Для входа ребёнка ({0}) в систему «{1}» через Госуслуги нужно согласие одного из "
                    + "родителей на обработку персональных данных ребёнка."),
            Map.entry(TEXT_UNNAMED, "Для входа вашего ребёнка в систему «{0}» через Госуслуги нужно согласие одного "
                    + "из родителей на обработку персональных данных ребёнка."),
            Map.entry(ACTION, "Чтобы подтвердить или отклонить запрос, перейдите по ссылке и войдите через Госуслуги "
                    + "как родитель:"),
            Map.entry(LINK_LABEL, "Рассмотреть запрос"),
            Map.entry(NO_LINK, "Чтобы подтвердить или отклонить запрос, войдите в систему «{0}» через Госуслуги "
                    + "как родитель."),
            Map.entry(IGNORE, "Если вы не ожидали это письмо, просто удалите его."),
            Map.entry(FOOTER, "Письмо отправлено автоматически, отвечать на него не нужно."),
            Map.entry(SELF_SUBJECT, "Запрос согласия на обработку персональных данных для входа в электронный дневник"),
            Map.entry(SELF_TEXT, "Для входа в систему «{0}» через Госуслуги нужно ваше согласие на обработку "
                    + "персональных данных."),
            Map.entry(SELF_ACTION, "Чтобы дать согласие, перейдите по ссылке и войдите через Госуслуги:"),
            Map.entry(SELF_NO_LINK, "Чтобы дать согласие, войдите в систему «{0}» через Госуслуги."));

    private final Function<String, String> bundle;
    private final Locale locale;

    private ConsentMailTexts(Function<String, String> bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** @param bundle key → text, null when the theme has no such key */
    public static ConsentMailTexts of(Function<String, String> bundle, Locale locale) {
        return new ConsentMailTexts(bundle == null ? key -> null : bundle, locale == null ? Locale.forLanguageTag("ru") : locale);
    }

    /** Only the built-in Russian texts. */
    public static ConsentMailTexts defaults() {
        return of(null, null);
    }

    public String text(String key, Object... args) {
        String pattern = bundle.apply(key);
        if (pattern == null || pattern.isBlank()) {
            pattern = DEFAULTS.getOrDefault(key, key);
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
