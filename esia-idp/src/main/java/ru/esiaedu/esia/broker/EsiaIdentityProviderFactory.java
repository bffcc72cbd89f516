package ru.esiaedu.esia.broker;

import java.util.List;

import org.keycloak.broker.provider.AbstractIdentityProviderFactory;
import org.keycloak.broker.social.SocialIdentityProviderFactory;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import static ru.esiaedu.esia.broker.EsiaIdentityProviderConfig.*;

/** Registers «ЕСИА (Госуслуги)» in the admin console; each property below is a field of its form. */
public class EsiaIdentityProviderFactory extends AbstractIdentityProviderFactory<EsiaIdentityProvider>
        implements SocialIdentityProviderFactory<EsiaIdentityProvider> {

    public static final String PROVIDER_ID = "esia";

    /** Providers are created per request; the HTTP clients outlive them here. */
    private final EsiaHttpClients httpClients = new EsiaHttpClients();
    /** One node's turns: Keycloak's lockout detector keeps its in-progress logins per node too. */
    private final OneCallbackPerPerson callbacks = new OneCallbackPerPerson(OneCallbackPerPerson.DEFAULT_MAX_WAIT);

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getName() {
        return "ЕСИА (Госуслуги)";
    }

    @Override
    public EsiaIdentityProvider create(KeycloakSession session, IdentityProviderModel model) {
        return new EsiaIdentityProvider(session, new EsiaIdentityProviderConfig(model), httpClients, callbacks);
    }

    @Override
    public void close() {
        httpClients.clear();
    }

    @Override
    public EsiaIdentityProviderConfig createConfig() {
        return new EsiaIdentityProviderConfig();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(ENVIRONMENT).label("Среда ЕСИА / ESIA environment").type(ProviderConfigProperty.LIST_TYPE)
                .options("TEST", "PRODUCTION", "CUSTOM").defaultValue("TEST")
                .helpText("TEST — тестовая среда esia-portal1.test.gosuslugi.ru; PRODUCTION — esia.gosuslugi.ru; CUSTOM — свой адрес (эмулятор, прокси). "
                        + "/ TEST is ESIA's test stand, PRODUCTION the live ESIA, CUSTOM a base URL of your own.").add()
                .property().name(BASE_URL).label("Адрес ЕСИА (для CUSTOM) / Base URL").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Только для среды CUSTOM, например http://localhost:8081. / Used only with the CUSTOM environment.").add()
                .property().name(ISSUER).label("Издатель токенов (iss) / Token issuer").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Обычно пусто: для TEST и PRODUCTION берётся известное значение, для CUSTOM — адрес ЕСИА с «/» на конце. "
                        + "/ Leave empty unless ESIA's tokens carry another 'iss'.").add()
                .property().name(PROTOCOL).label("Версия протокола / Protocol").type(ProviderConfigProperty.LIST_TYPE)
                .options("V2_V3", "V1").defaultValue("V2_V3")
                .helpText("V2_V3 — /aas/oauth2/v2/ac и /aas/oauth2/v3/te с client_certificate_hash (по умолчанию); V1 — устаревшие /ac и /te с подписью CMS. "
                        + "/ V2_V3 is current; V1 is for legacy stands only.").add()
                .property().name(SCOPE_ORG).label("scope_org").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Области доступа организации; для школ обычно пусто. / Organisation scopes; usually empty.").add()
                .property().name(SIGNING_METHOD).label("Способ подписи / Signing").type(ProviderConfigProperty.LIST_TYPE)
                .options("PEM", "PKCS12", "SIGNING_SERVICE").defaultValue("PEM")
                .helpText("PEM — ключ ГОСТ Р 34.10-2012 и сертификат вставлены ниже (или ссылки ${vault.…}); PKCS12 — контейнер PKCS#12 в base64; "
                        + "SIGNING_SERVICE — внешний сервис подписи (сертифицированное СКЗИ). / Where the client key lives.").add()
                .property().name(CLIENT_PRIVATE_KEY).label("Закрытый ключ (PEM) / Private key").type(ProviderConfigProperty.TEXT_TYPE).secret(true)
                .helpText("Ссылка на хранилище секретов Keycloak: ${vault.имя}. Сам ключ (PKCS#8 PEM, -----BEGIN PRIVATE KEY-----) принимается только в режиме разработки (start-dev): "
                        + "Keycloak показывает настройки провайдера открытым текстом каждому, кто может их просматривать. "
                        + "/ A vault reference; a literal PKCS#8 PEM only in development mode.").add()
                .property().name(CLIENT_CERTIFICATE).label("Сертификат системы (PEM) / Client certificate").type(ProviderConfigProperty.TEXT_TYPE)
                .helpText("Сертификат, зарегистрированный на технологическом портале ЕСИА; от него считается client_certificate_hash. "
                        + "/ The certificate registered with ESIA (PEM).").add()
                .property().name(CLIENT_PKCS12).label("Контейнер PKCS#12 (base64)").type(ProviderConfigProperty.TEXT_TYPE).secret(true)
                .helpText("Для способа PKCS12: ${vault.имя}, где в хранилище лежит файл .p12 в base64 (base64 -w0 key.p12); само содержимое — только в режиме разработки. "
                        + "/ A vault reference to the base64 of the .p12 file.").add()
                .property().name(CLIENT_PKCS12_PASSWORD).label("Пароль PKCS#12 / Key store password").type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("Ссылка на хранилище секретов: ${vault.esia-keystore-password}; сам пароль — только в режиме разработки. / A vault reference.").add()
                .property().name(CLIENT_PKCS12_ALIAS).label("Псевдоним ключа (alias)").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Пусто — первый ключ в контейнере. / Empty means the first key entry.").add()
                .property().name(SIGNING_SERVICE_URL).label("Адрес сервиса подписи / Signing service URL").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("POST {\"format\":\"raw|cms\",\"data\":base64} → {\"signature\":…}; см. docs/signing-service.md. / See docs/signing-service.md.").add()
                .property().name(SIGNING_SERVICE_TOKEN).label("Токен сервиса подписи / Signing service token").type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("Передаётся как Authorization: Bearer. Ссылка ${vault.…}; сам токен — только в режиме разработки. / A vault reference; sent as a bearer token.").add()
                .property().name(SIGNING_SERVICE_REVERSE).label("Обратный порядок байтов подписи (КриптоПро)").type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false")
                .helpText("Включите, если сервис возвращает подпись в порядке байтов КриптоПро CSP. / Reverse CryptoPro CSP byte order.").add()
                .property().name(ESIA_CERTIFICATES).label("Сертификаты ЕСИА / ESIA certificates").type(ProviderConfigProperty.TEXT_TYPE)
                .helpText("Один или несколько PEM-сертификатов, которыми ЕСИА подписывает токены (несколько — на время смены ключей). "
                        + "/ One or more PEM certificates ESIA signs tokens with; several for rotation.").add()
                .property().name(ACCEPT_ONLY_CONFIRMED).label("Только подтверждённые учётные записи").type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true")
                .helpText("Не пускать упрощённые (неподтверждённые) учётные записи Госуслуг; детские учётные записи ЕСИА подтверждает через родителя и пускаются. "
                        + "/ Refuse simplified ESIA accounts.").add()
                .property().name(SIMPLIFIED_ACCOUNT_ROLES).label("Упрощённые учётные записи допускаются для ролей")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE).options("STUDENT", "PARENT", "STAFF")
                .defaultValue(DEFAULT_SIMPLIFIED_ACCOUNT_ROLES)
                .helpText("Роли, для которых упрощённая учётная запись входит и при «Только подтверждённые». По умолчанию "
                        + "учащиеся: ребёнок до 14 лет регистрирует упрощённую учётную запись, а школа вносит его телефон; "
                        + "такая запись находит только карточку учащегося с этим телефоном или e-mail и совпадающими "
                        + "фамилией и именем. Родителям и сотрудникам нужна подтверждённая. / Roles a simplified account "
                        + "may sign in for (default: students, matched only by the contact on their own card).").add()
                .property().name(FETCH_CHILDREN).label("Запрашивать сведения о детях").type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true")
                .helpText("Читать /rs/prns/{oid}/kids, если выданы области kid_*. / Read the children when kid_* scopes were granted.").add()
                .property().name(CONNECT_TIMEOUT_MS).label("Таймаут соединения, мс / Connect timeout, ms").type(ProviderConfigProperty.STRING_TYPE).defaultValue("5000")
                .helpText("Сколько ждать соединения с ЕСИА. / How long to wait for a connection to ESIA.").add()
                .property().name(READ_TIMEOUT_MS).label("Таймаут ответа, мс / Read timeout, ms").type(ProviderConfigProperty.STRING_TYPE).defaultValue("10000")
                .helpText("Сколько ждать ответа ЕСИА; после этого пользователь увидит «Госуслуги не отвечают». / How long to wait for ESIA's answer.").add()
                .property().name(CLOCK_SKEW_SECONDS).label("Допуск расхождения часов, с / Clock skew leeway, s").type(ProviderConfigProperty.STRING_TYPE).defaultValue("60")
                .helpText("Допуск при проверке exp/nbf/iat токенов ЕСИА. / Leeway for exp/nbf/iat checks.").add()
                .property().name(USERNAME_PREFIX).label("Префикс имени пользователя / Username prefix").type(ProviderConfigProperty.STRING_TYPE).defaultValue("esia-")
                .helpText("Имя пользователя в Keycloak = префикс + oid ЕСИА. / Keycloak username = prefix + ESIA oid.").add()
                .property().name(LOGOUT_AT_ESIA).label("Выходить и из ЕСИА / Logout at ESIA").type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true")
                .helpText("При выходе перенаправлять на /idp/ext/Logout ЕСИА. / Redirect through ESIA's logout.").add()
                .build();
    }
}
