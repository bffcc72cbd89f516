package ru.esiaedu.esia.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EsiaEndpointsTest {

    @Test
    void environments() {
        assertThat(EsiaEnvironment.TEST.baseUrl()).isEqualTo("https://esia-portal1.test.gosuslugi.ru");
        assertThat(EsiaEnvironment.TEST.issuer()).isEqualTo("http://esia-portal1.test.gosuslugi.ru/");
        assertThat(EsiaEnvironment.PRODUCTION.baseUrl()).isEqualTo("https://esia.gosuslugi.ru");
        assertThat(EsiaEnvironment.PRODUCTION.issuer()).isEqualTo("http://esia.gosuslugi.ru/");
        assertThat(EsiaEnvironment.CUSTOM.baseUrl()).isNull();
        assertThat(EsiaEnvironment.CUSTOM.issuer()).isNull();
    }

    @Test
    void v2v3Paths() {
        EsiaEndpoints e = EsiaEndpoints.of("https://esia.gosuslugi.ru/", ProtocolVersion.V2_V3);
        assertThat(e.baseUrl()).isEqualTo("https://esia.gosuslugi.ru");
        assertThat(e.authorizationUrl()).isEqualTo("https://esia.gosuslugi.ru/aas/oauth2/v2/ac");
        assertThat(e.tokenUrl()).isEqualTo("https://esia.gosuslugi.ru/aas/oauth2/v3/te");
        assertThat(e.personUrl("1000299681")).isEqualTo("https://esia.gosuslugi.ru/rs/prns/1000299681");
        assertThat(e.logoutUrl()).isEqualTo("https://esia.gosuslugi.ru/idp/ext/Logout");
        assertThat(e.logoutUrl("SCHOOL01", "https://s.example/x"))
                .isEqualTo("https://esia.gosuslugi.ru/idp/ext/Logout?client_id=SCHOOL01&redirect_url=https%3A%2F%2Fs.example%2Fx");
    }

    @Test
    void v1PathsAndPathPrefix() {
        EsiaEndpoints e = EsiaEndpoints.of("http://localhost:8099/esia//", ProtocolVersion.V1);
        assertThat(e.baseUrl()).isEqualTo("http://localhost:8099/esia");
        assertThat(e.authorizationUrl()).isEqualTo("http://localhost:8099/esia/aas/oauth2/ac");
        assertThat(e.tokenUrl()).isEqualTo("http://localhost:8099/esia/aas/oauth2/te");
        assertThat(EsiaEndpoints.of(EsiaEnvironment.TEST, ProtocolVersion.V2_V3).tokenUrl())
                .isEqualTo("https://esia-portal1.test.gosuslugi.ru/aas/oauth2/v3/te");
    }

    @Test
    void rejectsBadBaseUrls() {
        assertThatThrownBy(() -> EsiaEndpoints.of("esia.gosuslugi.ru", ProtocolVersion.V2_V3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EsiaEndpoints.of("ftp://esia.gosuslugi.ru", ProtocolVersion.V2_V3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EsiaEndpoints.of("https://esia.gosuslugi.ru?x=1", ProtocolVersion.V2_V3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EsiaEndpoints.of(" ", ProtocolVersion.V2_V3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EsiaEndpoints.of(EsiaEnvironment.CUSTOM, ProtocolVersion.V2_V3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isOnEsiaHost() {
        EsiaEndpoints e = EsiaEndpoints.of("https://esia.gosuslugi.ru", ProtocolVersion.V2_V3);
        assertThat(e.isOnEsiaHost("https://esia.gosuslugi.ru/rs/prns/1/ctts/14434265")).isTrue();
        assertThat(e.isOnEsiaHost("https://ESIA.gosuslugi.ru:443/rs/prns/1")).isTrue();
        assertThat(e.isOnEsiaHost("http://esia.gosuslugi.ru/rs/prns/1")).isFalse();
        assertThat(e.isOnEsiaHost("https://esia.gosuslugi.ru:8443/rs")).isFalse();
        assertThat(e.isOnEsiaHost("https://esia.gosuslugi.ru.evil.example/rs")).isFalse();
        assertThat(e.isOnEsiaHost("https://esia.gosuslugi.ru@evil.example/rs")).isFalse();
        assertThat(e.isOnEsiaHost("https://user@esia.gosuslugi.ru/rs")).isFalse();
        assertThat(e.isOnEsiaHost("/rs/prns/1")).isFalse();
        assertThat(e.isOnEsiaHost("not a url")).isFalse();
        assertThat(e.isOnEsiaHost(null)).isFalse();

        EsiaEndpoints local = EsiaEndpoints.of("http://localhost:8099", ProtocolVersion.V2_V3);
        assertThat(local.isOnEsiaHost("http://localhost:8099/rs/prns/1")).isTrue();
        assertThat(local.isOnEsiaHost("http://localhost/rs/prns/1")).isFalse();
    }
}
