package ru.esiaedu.desk.web;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeskLoginTest {

    @Test
    void theLoginReturnsOnlyToAPageOfTheDesk() {
        assertThat(DeskLogin.safeReturn("classes/sch1-5a")).isEqualTo("classes/sch1-5a");
        assertThat(DeskLogin.safeReturn("requests")).isEqualTo("requests");
        assertThat(DeskLogin.safeReturn("")).isEmpty();
        assertThat(DeskLogin.safeReturn(null)).isEmpty();
        assertThat(DeskLogin.safeReturn("//evil.example/")).isEmpty();
        assertThat(DeskLogin.safeReturn("https://evil.example/")).isEmpty();
        assertThat(DeskLogin.safeReturn("classes/../../admin")).isEmpty();
        assertThat(DeskLogin.safeReturn("classes/a?x=1")).isEmpty();
    }

    @Test
    void anOriginLeavesOutTheDefaultPort() {
        assertThat(DeskApi.origin(URI.create("https://school.example.ru:443/"))).isEqualTo("https://school.example.ru");
        assertThat(DeskApi.origin(URI.create("http://localhost:8080/"))).isEqualTo("http://localhost:8080");
        assertThat(DeskApi.origin(URI.create("http://localhost/"))).isEqualTo("http://localhost");
    }
}
