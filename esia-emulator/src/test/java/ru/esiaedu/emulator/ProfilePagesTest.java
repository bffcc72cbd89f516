package ru.esiaedu.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.esiaedu.emulator.EsiaClientSim.*;

/** The ESIA personal account: «Согласия и доверенности», notifications, login and back, CSRF, who may decide. */
class ProfilePagesTest {
    static final String SCOPE = "openid fullname birthdate snils";
    static final String PURPOSE = "{\"purpose\":\"Вход в электронный дневник\",\"responsibleObject\":\"ГКУ «Школьный портал»\"}";
    static final long DIANA = 1000300101L;
    static final long TIMUR = 1000300110L;
    static final long SOKOLOVA = 1000300102L;
    static final long NIKITA = 1000300103L;
    static EsiaEmulator emu;
    static String aminaToken;
    static String nikitaToken;

    @BeforeAll
    static void start() throws Exception {
        emu = EsiaEmulator.start(EmulatorOptions.defaults().port(0));
        aminaToken = new EsiaClientSim(emu).tokens(SCOPE, "amina.dzhalilova2016@mail.ru").path("access_token").asText();
        nikitaToken = new EsiaClientSim(emu).tokens(SCOPE, "+7 926 777-88-99").path("access_token").asText();
    }

    @BeforeEach
    void clean() {
        emu.consents().reset();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    static String ask(String token) throws Exception {
        HttpResponse<String> r = new EsiaClientSim(emu).postJson("/consent/v1/requests", token, PURPOSE);
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return JSON.readTree(r.body()).path("requestId").asText();
    }

    static JsonNode status(String token) throws Exception {
        return JSON.readTree(new EsiaClientSim(emu).getWithToken(emu.baseUrl() + "/consent/v1/status", token).body());
    }

    static EsiaClientSim browserOf(long oid) throws Exception {
        EsiaClientSim b = new EsiaClientSim(emu);
        b.profileLogin(oid);
        return b;
    }

    static HttpResponse<String> page(EsiaClientSim b, String path) throws Exception {
        return b.get(emu.baseUrl() + path);
    }

    static HttpResponse<String> decide(EsiaClientSim b, String requestId, String decision) throws Exception {
        String csrf = csrf(page(b, "/profile/consents").body());
        return b.post("/profile/consents/decision", Map.of("request", requestId, "decision", decision, "csrf", csrf));
    }

    static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: " + r.statusCode()));
    }

    static String consentId(String html) {
        Matcher m = Pattern.compile("id=\"revoke-([0-9a-f-]{36})\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no revoke button in page: " + html);
        }
        return m.group(1);
    }

    @Test
    void withoutSessionToLoginAndBack() throws Exception {
        EsiaClientSim b = new EsiaClientSim(emu);
        HttpResponse<String> r = page(b, "/profile/consents");
        assertThat(r.statusCode()).isEqualTo(302);
        String login = r.headers().firstValue("Location").orElseThrow();
        assertThat(login).isEqualTo("/login?return=%2Fprofile%2Fconsents");

        HttpResponse<String> form = page(b, login);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Личный кабинет", "id=\"login\"", "id=\"password\"", "id=\"submit\"", "id=\"cancel\"",
                "name=\"return\" value=\"/profile/consents\"", "name=\"quick\" value=\"1000300110\"", "Джалилов Егор Рашидович");
        assertThat(form.body()).doesNotContain("name=\"pending\"");

        HttpResponse<String> wrong = b.post("/login", Map.of("return", "/profile/consents", "login", "+79165550101", "password", "nope"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("Неверный логин или пароль", "name=\"return\" value=\"/profile/consents\"");

        HttpResponse<String> in = b.post("/login", Map.of("return", "/profile/consents", "login", "t.dzhalilov@example.ru",
                "password", PASSWORD));
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(location(in)).contains("/profile/consents");
        HttpResponse<String> consents = page(b, "/profile/consents");
        assertThat(consents.statusCode()).isEqualTo(200);
        assertThat(consents.body()).contains("Согласия и доверенности", "Согласия", "Новых запросов нет");

        // signed in: the login page sends straight back; the SSO cookie is the OAuth one
        assertThat(location(page(b, "/login?return=/profile/notifications"))).contains("/profile/notifications");
        HttpResponse<String> sso = b.authorize(2, authParams(2, "openid fullname gender", java.util.UUID.randomUUID().toString()));
        assertThat(sso.statusCode()).isEqualTo(200);
        assertThat(sso.body()).contains("Предоставление прав доступа", "Джалилов Егор Рашидович");

        // no open redirect, cancel leads nowhere dangerous
        EsiaClientSim other = new EsiaClientSim(emu);
        HttpResponse<String> evil = other.post("/login", Map.of("return", "//evil.example/", "quick", "1000300101"));
        assertThat(location(evil)).contains("/profile");
        HttpResponse<String> cancel = new EsiaClientSim(emu).post("/login", Map.of("return", "/profile", "action", "cancel"));
        assertThat(cancel.statusCode()).isEqualTo(200);
        assertThat(cancel.body()).contains("Вход отменён");
        // the OAuth login is untouched: a login post without pending nor return is still the expired page
        assertThat(new EsiaClientSim(emu).post("/login", Map.of("quick", "1000300101")).statusCode()).isEqualTo(400);
    }

    @Test
    void homeAndNotifications() throws Exception {
        String id = ask(aminaToken);
        EsiaClientSim diana = browserOf(DIANA);
        HttpResponse<String> home = page(diana, "/profile");
        assertThat(home.body()).contains("Профиль", "Захарченко Диана Набиевна", "Согласия и доверенности",
                "Уведомления (1)", "Выйти", "href=\"/profile/consents\"", "href=\"/profile/notifications\"");

        HttpResponse<String> notes = page(diana, "/profile/notifications");
        assertThat(notes.body()).contains("Уведомления", "Запрос согласия на обработку персональных данных",
                "Джалилова Амина Егоровна", "Электронная школа (демо)", "href=\"/profile/consents/" + id + "\"");
        assertThat(page(diana, "/profile").body()).contains("Уведомления (0)");

        HttpResponse<String> detail = page(diana, "/profile/consents/" + id);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("Запрос согласия на обработку персональных данных", "Джалилова Амина Егоровна",
                "Электронная школа (демо)", "ГКУ «Школьный портал»", "Вход в электронный дневник", "Фамилия, имя и отчество",
                "СНИЛС", "До отзыва", "Ожидает решения", "id=\"approve-" + id + "\"", "id=\"decline-" + id + "\"",
                "Подтвердить", "Отклонить");
        assertThat(page(diana, "/profile/consents/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);

        // after the other parent's approval, Диана gets a second notification, newest first
        assertThat(decide(browserOf(TIMUR), id, "approve").statusCode()).isEqualTo(303);
        String list = page(diana, "/profile/notifications").body();
        assertThat(list.indexOf("Другой родитель выдал согласие")).isLessThan(list.indexOf("запрашивает согласие"));
        assertThat(list).containsOnlyOnce("· новое");

        HttpResponse<String> out = page(diana, "/idp/ext/Logout");
        assertThat(out.body()).contains("Вы вышли");
        assertThat(page(diana, "/profile").statusCode()).isEqualTo(302);
    }

    @Test
    void bothParentsSeeTheRequestOneApprovesTheOtherRevokes() throws Exception {
        String id = ask(aminaToken);
        EsiaClientSim diana = browserOf(DIANA);
        EsiaClientSim timur = browserOf(TIMUR);
        for (EsiaClientSim parent : new EsiaClientSim[] {diana, timur}) {
            String html = page(parent, "/profile/consents").body();
            assertThat(html).contains("Джалилова Амина Егоровна", "Электронная школа (демо)", "Вход в электронный дневник",
                    "id=\"approve-" + id + "\"", "id=\"decline-" + id + "\"", "Ознакомиться с содержанием");
        }

        HttpResponse<String> approved = decide(diana, id, "approve");
        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(location(approved)).contains("/profile/consents?done=granted");
        String after = page(diana, "/profile/consents?done=granted").body();
        assertThat(after).contains("id=\"flash\"", "Согласие выдано", "Согласие выдано вами", "Новых запросов нет");
        assertThat(after).doesNotContain("id=\"approve-" + id + "\"");
        JsonNode granted = status(aminaToken);
        assertThat(granted.path("status").asText()).isEqualTo("GRANTED");
        assertThat(granted.path("grantor").asText()).isEqualTo("PARENT");

        // the other parent: no buttons any more, «выдано другим родителем», may revoke
        String seenByTimur = page(timur, "/profile/consents").body();
        assertThat(seenByTimur).contains("Согласие выдано другим родителем").doesNotContain("id=\"approve-" + id + "\"");
        assertThat(page(timur, "/profile/consents/" + id).body()).contains("Согласие выдано другим родителем");
        assertThat(emu.consents().notificationsOf(Long.toString(TIMUR))).extracting(NotificationView::title)
                .containsExactly("Согласие выдано", "Запрос согласия на обработку персональных данных");
        // a second approval by him changes nothing
        assertThat(location(decide(timur, id, "approve"))).contains("done=already-granted");

        String consent = consentId(seenByTimur);
        String csrf = csrf(seenByTimur);
        HttpResponse<String> revoked = timur.post("/profile/consents/revoke", Map.of("consent", consent, "csrf", csrf));
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(location(revoked)).contains("done=revoked");
        assertThat(page(timur, "/profile/consents?done=revoked").body())
                .contains("Согласие отозвано", "Действующих согласий нет", "История", "отозвано вами");
        assertThat(page(diana, "/profile/consents").body()).contains("отозвано другим родителем");
        assertThat(status(aminaToken).path("status").asText()).isEqualTo("REVOKED");
        assertThat(emu.consents().notificationsOf(Long.toString(DIANA)).get(0).title()).isEqualTo("Согласие отозвано");

        // the next login attempt asks again: both parents notified again
        String second = ask(aminaToken);
        assertThat(second).isNotEqualTo(id);
        assertThat(status(aminaToken).path("status").asText()).isEqualTo("PENDING");
        assertThat(page(timur, "/profile/consents").body()).contains("id=\"approve-" + second + "\"");
        assertThat(emu.consents().notificationsOf(Long.toString(DIANA)).get(0).requestId()).isEqualTo(second);

        HttpResponse<String> declined = decide(timur, second, "decline");
        assertThat(location(declined)).contains("done=declined");
        assertThat(page(timur, "/profile/consents?done=declined").body()).contains("Запрос отклонён", "отклонён вами");
        assertThat(page(diana, "/profile/consents").body()).contains("отклонён другим родителем");
        assertThat(status(aminaToken).path("status").asText()).isEqualTo("DECLINED");
        assertThat(emu.consents().notificationsOf(Long.toString(DIANA)).get(0).title()).isEqualTo("Запрос согласия отклонён");
    }

    @Test
    void csrfIsRequiredAndBoundToTheSession() throws Exception {
        String id = ask(aminaToken);
        EsiaClientSim diana = browserOf(DIANA);
        HttpResponse<String> none = diana.post("/profile/consents/decision", Map.of("request", id, "decision", "approve"));
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("Форма устарела");
        String timursToken = csrf(page(browserOf(TIMUR), "/profile/consents").body());
        HttpResponse<String> foreign = diana.post("/profile/consents/decision",
                Map.of("request", id, "decision", "approve", "csrf", timursToken));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(diana.post("/profile/consents/revoke", Map.of("consent", "x")).statusCode()).isEqualTo(403);
        assertThat(status(aminaToken).path("status").asText()).isEqualTo("PENDING");

        // not signed in at all: to the login page, nothing decided
        HttpResponse<String> anonymous = new EsiaClientSim(emu).post("/profile/consents/decision",
                Map.of("request", id, "decision", "approve", "csrf", timursToken));
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(location(anonymous)).contains("/login?return=");
        assertThat(status(aminaToken).path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void nobodyElseMayDecideOrRevoke() throws Exception {
        String id = ask(aminaToken);
        emu.consents().grant(CLIENT_ID, "1000300109", Long.toString(SOKOLOVA)); // her own son's: a page with a form
        EsiaClientSim sokolova = browserOf(SOKOLOVA);
        assertThat(page(sokolova, "/profile/consents").body()).doesNotContain(id);
        HttpResponse<String> look = page(sokolova, "/profile/consents/" + id);
        assertThat(look.statusCode()).isEqualTo(403);
        assertThat(look.body()).contains("Нет доступа").doesNotContain("Джалилова");
        HttpResponse<String> approve = decide(sokolova, id, "approve");
        assertThat(approve.statusCode()).isEqualTo(403);
        assertThat(approve.body()).contains("Нет доступа");
        assertThat(status(aminaToken).path("status").asText()).isEqualTo("PENDING");

        String consent = emu.consents().grant(CLIENT_ID, "1000300105", Long.toString(DIANA));
        String csrf = csrf(page(sokolova, "/profile/consents").body());
        assertThat(sokolova.post("/profile/consents/revoke", Map.of("consent", consent, "csrf", csrf)).statusCode())
                .isEqualTo(403);
        assertThat(sokolova.post("/profile/consents/revoke", Map.of("consent", "nope", "csrf", csrf)).statusCode())
                .isEqualTo(404);
        assertThat(status(aminaToken).path("status").asText()).isEqualTo("GRANTED");
        assertThat(sokolova.post("/profile/consents/decision", Map.of("request", id, "decision", "maybe", "csrf", csrf))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void adultApprovesHisOwn() throws Exception {
        String id = ask(nikitaToken);
        EsiaClientSim nikita = browserOf(NIKITA);
        String html = page(nikita, "/profile/consents").body();
        assertThat(html).contains("Ваши персональные данные", "id=\"approve-" + id + "\"");
        assertThat(page(nikita, "/profile/consents/" + id).body()).contains("Ваши персональные данные", "Вам");
        assertThat(decide(nikita, id, "approve").statusCode()).isEqualTo(303);
        JsonNode s = status(nikitaToken);
        assertThat(s.path("status").asText()).isEqualTo("GRANTED");
        assertThat(s.path("grantor").asText()).isEqualTo("SELF");
        assertThat(s.path("requestId").asText()).isEqualTo(id);
        assertThat(page(nikita, "/profile/consents").body()).contains("Согласие выдано вами");
    }

    @Test
    void secondParentSeesBothKids() throws Exception {
        JsonNode t = new EsiaClientSim(emu).tokens("openid fullname kid_fullname kid_birthdate", "+7 900 111-01-10");
        String access = t.path("access_token").asText();
        HttpResponse<String> kids = new EsiaClientSim(emu).getWithToken(
                emu.baseUrl() + "/rs/prns/1000300110/kids?embed=(elements)", access);
        assertThat(kids.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(kids.body());
        assertThat(list.path("size").asInt()).isEqualTo(2);
        assertThat(list.path("elements").get(0).asText()).endsWith("/rs/prns/1000300110/kids/1000300104");
        JsonNode amina = JSON.readTree(new EsiaClientSim(emu).getWithToken(
                emu.baseUrl() + "/rs/prns/1000300110/kids/1000300105", access).body());
        assertThat(amina.path("firstName").asText()).isEqualTo("Амина");
        assertThat(amina.path("birthDate").asText()).isEqualTo("12.09.2016");
    }
}
