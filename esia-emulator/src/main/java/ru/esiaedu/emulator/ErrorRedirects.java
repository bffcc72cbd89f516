package ru.esiaedu.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds ESIA's error redirect: {@code redirect_uri?error=…&error_description=ESIA-0070xx: …&state=…}. */
final class ErrorRedirects {
    private ErrorRedirects() {
    }

    static String to(String redirectUri, EsiaException e, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", e.error);
        params.put("error_description", e.description());
        params.put("state", state);
        return Responses.withParams(redirectUri, params);
    }

    static EsiaException userRefused() {
        return new EsiaException("access_denied", "ESIA-007004", "Отказ пользователя");
    }

    static EsiaException unconfirmedAccount() {
        return new EsiaException("access_denied", "ESIA-007055", "Вход с неподтверждённой учётной записью");
    }
}
