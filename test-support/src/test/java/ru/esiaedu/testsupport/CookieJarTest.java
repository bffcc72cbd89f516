package ru.esiaedu.testsupport;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CookieJarTest {

    private final CookieJar jar = new CookieJar();

    @Test
    void aCookieGoesBackToItsHostOnAnyPortAndNotToAnotherHost() {
        jar.keep(URI.create("http://localhost:8080/realms/school"), List.of(
                "KC_RESTART=abc; Path=/realms/school/; HttpOnly", "AUTH_SESSION_ID=s1.node; Secure; SameSite=None"));

        assertThat(jar.header(URI.create("http://localhost:8181/realms/school/x")))
                .contains("KC_RESTART=abc; AUTH_SESSION_ID=s1.node");
        assertThat(jar.header(URI.create("http://127.0.0.1:8080/"))).isEmpty();
    }

    @Test
    void anEmptyValueOrAPastExpiryDropsTheCookieAndANewValueReplacesIt() {
        URI keycloak = URI.create("http://localhost:8080/");
        jar.keep(keycloak, List.of("A=1", "B=2", "C=3", "D=4"));

        jar.keep(keycloak, List.of("A=; Max-Age=0", "B=gone; Max-Age=0", "C=x; Expires=Thu, 01 Jan 1970 00:00:10 GMT",
                "D=5"));

        assertThat(jar.header(keycloak)).contains("D=5");
        jar.keep(keycloak, List.of("D=; Path=/"));
        assertThat(jar.header(keycloak)).isEmpty();
    }

    @Test
    void aHeaderWithoutANameIsIgnored() {
        URI keycloak = URI.create("http://localhost:8080/");
        jar.keep(keycloak, List.of("=value", "novalue"));
        assertThat(jar.header(keycloak)).isEmpty();
    }
}
