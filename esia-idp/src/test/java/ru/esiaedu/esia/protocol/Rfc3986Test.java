package ru.esiaedu.esia.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class Rfc3986Test {

    @Test
    void keepsUnreservedOnly() {
        String unreserved = "ABCXYZabcxyz0189-._~";
        assertThat(Rfc3986.encode(unreserved)).isEqualTo(unreserved);
        assertThat(Rfc3986.encode("a b+c")).isEqualTo("a%20b%2Bc");
        assertThat(Rfc3986.encode("https://x.ru/a?b=c&d=e#f")).isEqualTo("https%3A%2F%2Fx.ru%2Fa%3Fb%3Dc%26d%3De%23f");
        assertThat(Rfc3986.encode("!*'();@$,[]%")).isEqualTo("%21%2A%27%28%29%3B%40%24%2C%5B%5D%25");
    }

    @Test
    void encodesUtf8UpperCaseHex() {
        assertThat(Rfc3986.encode("Дн")).isEqualTo("%D0%94%D0%BD");
        assertThat(Rfc3986.encode("\u00ff")).isEqualTo("%C3%BF");
        assertThat(Rfc3986.encode("😀")).isEqualTo("%F0%9F%98%80");
    }

    @Test
    void nullAndEmptyAreEmpty() {
        assertThat(Rfc3986.encode(null)).isEmpty();
        assertThat(Rfc3986.encode("")).isEmpty();
    }

    @Test
    void queryKeepsInsertionOrderAndEncodesValues() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("scope", "openid fullname");
        p.put("scope_org", null);
        p.put("redirect_uri", "https://s.example/cb?x=1");
        p.put("a", "");
        assertThat(Rfc3986.query(p)).isEqualTo("scope=openid%20fullname&scope_org=&redirect_uri=https%3A%2F%2Fs.example%2Fcb%3Fx%3D1&a=");
        assertThat(Rfc3986.query(Map.of())).isEmpty();
    }

    @Test
    void formDecoderReadsItBackExactly() {
        String v = "2026.11.22 21:00:00 +0300 & ü=~";
        assertThat(URLDecoder.decode(Rfc3986.encode(v), StandardCharsets.UTF_8)).isEqualTo(v);
    }

    @Test
    void withQueryAppendsCorrectly() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("a", "1 2");
        assertThat(Rfc3986.withQuery("https://h/p", p)).isEqualTo("https://h/p?a=1%202");
        assertThat(Rfc3986.withQuery("https://h/p?x=y", p)).isEqualTo("https://h/p?x=y&a=1%202");
        assertThat(Rfc3986.withQuery("https://h/p", Map.of())).isEqualTo("https://h/p");
    }
}
