package ru.esiaedu.esia.broker;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;

import static org.assertj.core.api.Assertions.assertThat;

class EsiaStateBindingTest {

    private final Fakes.Session fake = new Fakes.Session();
    private final Fakes.AuthSession browserA = new Fakes.AuthSession();

    @Test
    void aBoundStateIsAUuidRememberedByTheLoginAndMapsToTheBrokerStateForTheLoginsLifespan() {
        String state = EsiaStateBinding.bind(fake.session, browserA.model, "broker-state-A", 1800);

        assertThat(EsiaStateBinding.isUuid(state)).isTrue();
        assertThat(browserA.notes).containsEntry(EsiaStateBinding.NOTE_ESIA_STATE, state);
        assertThat(fake.store.lifespans).containsValue(1800L);
        assertThat(fake.store.entries.values()).containsExactly(Map.of("brokerState", "broker-state-A"));
        assertThat(EsiaStateBinding.bind(fake.session, new Fakes.AuthSession().model, "broker-state-B", 1800)).isNotEqualTo(state);
    }

    @Test
    void aStateIsAcceptedOnce() {
        String state = EsiaStateBinding.bind(fake.session, browserA.model, "broker-state-A", 1800);

        assertThat(EsiaStateBinding.consume(fake.session, state)).contains("broker-state-A");
        assertThat(EsiaStateBinding.consume(fake.session, state)).as("replayed").isEmpty();
    }

    @Test
    void anUnknownStateIsRefused() {
        EsiaStateBinding.bind(fake.session, browserA.model, "broker-state-A", 1800);

        assertThat(EsiaStateBinding.consume(fake.session, "4f3c1c1e-7b1c-4a8e-9d57-3f1d2b0c9e11")).isEmpty();
    }

    @Test
    void somethingThatIsNotAUuidNeverReachesTheStore() {
        KeycloakSession noStore = Fakes.of(KeycloakSession.class, Map.of());   // any store call would fail

        for (String state : new String[] {null, "", "esia-state:x", "4f3c1c1e-7b1c-4a8e-9d57-3f1d2b0c9e11'--", "../../x"}) {
            assertThat(EsiaStateBinding.consume(noStore, state)).as(String.valueOf(state)).isEmpty();
        }
    }

    @Test
    void theStateBelongsOnlyToTheLoginThatSentItAndOnlyOnce() {
        String state = EsiaStateBinding.bind(fake.session, browserA.model, "broker-state-A", 1800);
        Fakes.AuthSession browserB = new Fakes.AuthSession();
        EsiaStateBinding.bind(fake.session, browserB.model, "broker-state-B", 1800);

        assertThat(EsiaStateBinding.belongsTo(browserB.model, state)).as("another browser's login").isFalse();
        assertThat(EsiaStateBinding.belongsTo(new Fakes.AuthSession().model, state)).as("a login that sent nothing").isFalse();
        assertThat(EsiaStateBinding.belongsTo(browserA.model, state)).isTrue();
        assertThat(EsiaStateBinding.belongsTo(browserA.model, state)).as("the note is cleared").isFalse();
    }
}
