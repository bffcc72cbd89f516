package ru.esiaedu.esia.broker;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import ru.esiaedu.esia.crypto.LocalKeySigner;
import ru.esiaedu.esia.crypto.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaterialCacheTest {

    private final MaterialCache<LocalKeySigner> cache = new MaterialCache<>();
    private final AtomicInteger builds = new AtomicInteger();

    private Supplier<LocalKeySigner> demo() {
        return () -> {
            builds.incrementAndGet();
            return LocalKeySigner.fromPem(TestKeys.demoKeyPem(), TestKeys.demoCertPem());
        };
    }

    @Test
    void theSameKeyIsBuiltOnceForEveryLogin() {
        LocalKeySigner first = cache.get(demo(), "PEM", TestKeys.demoKeyPem(), TestKeys.demoCertPem());
        LocalKeySigner second = cache.get(demo(), "PEM", TestKeys.demoKeyPem(), TestKeys.demoCertPem());
        assertThat(second).isSameAs(first);
        assertThat(builds).hasValue(1);
    }

    @Test
    void aRotatedKeyIsANewSignerAtTheNextLogin() {
        TestKeys.KeyAndCert rotated = TestKeys.gost("rotated");
        LocalKeySigner before = cache.get(demo(), "PEM", TestKeys.demoKeyPem(), TestKeys.demoCertPem());
        LocalKeySigner after = cache.get(() -> LocalKeySigner.of(rotated.keyPair().getPrivate(), rotated.certificate()),
                "PEM", "another key", "another certificate");
        assertThat(after).isNotSameAs(before);
        assertThat(after.certificateHash()).isNotEqualTo(before.certificateHash());
    }

    @Test
    void partsAreNotConfusedByWhereOneEndsAndTheNextBegins() {
        cache.get(demo(), "PEM", "ab", "c");
        cache.get(demo(), "PEM", "a", "bc");
        assertThat(builds).hasValue(2);
    }

    @Test
    void aKeyThatDoesNotBuildIsNotKept() {
        assertThatThrownBy(() -> cache.get(() -> { throw new IllegalArgumentException("not a key"); }, "PEM", "x", "y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void atMostTheCapacityIsKept() {
        for (int i = 0; i < MaterialCache.CAPACITY + 5; i++) {
            cache.get(demo(), "PEM", "key " + i, "certificate");
        }
        assertThat(cache.size()).isEqualTo(MaterialCache.CAPACITY);
    }
}
