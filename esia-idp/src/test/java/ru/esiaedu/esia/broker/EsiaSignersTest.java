package ru.esiaedu.esia.broker;

import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.esiaedu.esia.crypto.Pem;
import ru.esiaedu.esia.crypto.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** ESIA's certificates as the callback reads them: from the vault at every login, parsed once per content. */
class EsiaSignersTest {

    private final Fakes.Session fake = new Fakes.Session();
    private final EsiaIdentityProviderConfig config = new EsiaIdentityProviderConfig();

    @Test
    void theSameCertificatesAreParsedOnceAndANewOneTakesEffectAtTheNextLogin() throws Exception {
        String first = TestKeys.demoCertPem();
        String rotated = Pem.encode(TestKeys.gost("esia-rotated").certificate());
        fake.vault.put("esia-certificates", first);
        config.getConfig().put(EsiaIdentityProviderConfig.ESIA_CERTIFICATES, "${vault.esia-certificates}");

        List<X509Certificate> once = EsiaSigners.esiaCertificates(fake.session, config);
        List<X509Certificate> again = EsiaSigners.esiaCertificates(fake.session, config);
        assertThat(again).isSameAs(once);

        fake.vault.put("esia-certificates", rotated);
        List<X509Certificate> afterRotation = EsiaSigners.esiaCertificates(fake.session, config);
        assertThat(afterRotation).isNotSameAs(once);
        assertThat(afterRotation.get(0).getSubjectX500Principal().getName()).contains("esia-rotated");
    }
}
