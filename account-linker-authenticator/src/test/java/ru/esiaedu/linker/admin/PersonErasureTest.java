package ru.esiaedu.linker.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import ru.esiaedu.registry.ConsentErasureReceipt;
import ru.esiaedu.registry.Organisation;
import ru.esiaedu.registry.RegistryAccount;
import ru.esiaedu.registry.RegistryRole;
import ru.esiaedu.registry.RegistryUnavailableException;
import ru.esiaedu.registry.SchoolRegistryProvider;

class PersonErasureTest {

    private static final String OID = "1000400001";
    private static final String BY = "admin:kc-admin-1";
    private static final String REASON = "Заявление № 5 от 02.12.2026";
    private static final List<String> REALM_CLIENTS = List.of("school-portal");

    private final List<String> calls = new ArrayList<>();
    private final List<RegistryAccount> linked = new ArrayList<>();
    private boolean down;
    private boolean canEraseConsents = true;
    private boolean canDeleteRequests = true;
    private int forgotten;

    @Test
    void unlinksEveryAccountErasesTheStudentsConsentDataDeletesRequestsAndOnlyThenTheUser() throws Exception {
        linked.add(account("acc-student", RegistryRole.STUDENT));
        linked.add(account("acc-parent", RegistryRole.PARENT));

        PersonErasure.Result result = PersonErasure.run(registry(), REALM_CLIENTS, OID, BY, REASON, this::forget);

        assertThat(calls).containsExactly(
                "findLinked " + OID,
                "eraseConsentData acc-student [school-portal] " + BY + " " + REASON,
                "unlink acc-student " + OID + " " + BY + " " + REASON,
                "unlink acc-parent " + OID + " " + BY + " " + REASON,
                "deleteAccessRequests " + OID,
                "forget");
        assertThat(result).isEqualTo(new PersonErasure.Result(2, 3, 1, 1, 2));
        assertThat(result.asJson()).containsEntry("userDeleted", true).containsEntry("consentsKept", 2);
    }

    @Test
    void aRegistryOutageLeavesTheKeycloakUserForARetry() {
        linked.add(account("acc-student", RegistryRole.STUDENT));
        down = true;

        assertThatThrownBy(() -> PersonErasure.run(registry(), REALM_CLIENTS, OID, BY, REASON, this::forget))
                .isInstanceOf(RegistryUnavailableException.class);
        assertThat(forgotten).isZero();
    }

    @Test
    void aPersonWithoutLinksIsStillForgottenInKeycloak() throws Exception {
        PersonErasure.Result result = PersonErasure.run(registry(), REALM_CLIENTS, OID, BY, REASON, this::forget);

        assertThat(forgotten).isEqualTo(1);
        assertThat(result.accountsUnlinked()).isZero();
        assertThat(calls).noneMatch(call -> call.startsWith("eraseConsentData"));
    }

    @Test
    void aRegistryThatCannotEraseSaysSoWithMinusOne() throws Exception {
        linked.add(account("acc-student", RegistryRole.STUDENT));
        canEraseConsents = false;
        canDeleteRequests = false;

        PersonErasure.Result result = PersonErasure.run(registry(), REALM_CLIENTS, OID, BY, REASON, this::forget);

        assertThat(result).isEqualTo(new PersonErasure.Result(1, -1, -1, -1, -1));
        assertThat(forgotten).isEqualTo(1);
    }

    @Test
    void anOrderNamesExactlyOnePersonAndAReason() {
        assertThat(PersonErasure.Order.of(" " + OID + " ", null, " " + REASON + " "))
                .isEqualTo(new PersonErasure.Order(OID, null, REASON));
        assertThat(PersonErasure.Order.of("", "user-1", REASON)).isEqualTo(new PersonErasure.Order(null, "user-1", REASON));
        assertThatThrownBy(() -> PersonErasure.Order.of(OID, "user-1", REASON))
                .isInstanceOf(PersonErasure.InvalidOrderException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> PersonErasure.Order.of(null, " ", REASON))
                .isInstanceOf(PersonErasure.InvalidOrderException.class);
        assertThatThrownBy(() -> PersonErasure.Order.of(OID, null, " "))
                .isInstanceOf(PersonErasure.InvalidOrderException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> PersonErasure.Order.of(OID, null, "a\nb"))
                .isInstanceOf(PersonErasure.InvalidOrderException.class);
        assertThatThrownBy(() -> PersonErasure.Order.of(OID, null, "x".repeat(PersonErasure.MAX_REASON + 1)))
                .isInstanceOf(PersonErasure.InvalidOrderException.class);
        assertThatThrownBy(() -> PersonErasure.Order.of("1".repeat(PersonErasure.MAX_ID + 1), null, REASON))
                .isInstanceOf(PersonErasure.InvalidOrderException.class).hasMessage("esiaOid is not an identifier");
    }

    private void forget() {
        calls.add("forget");
        forgotten++;
    }

    private static RegistryAccount account(String id, RegistryRole role) {
        return new RegistryAccount(id, role, new Organisation("sch-1", "SCHOOL", "Школа № 1", null), "5А",
                "Фамилия", "Имя", null, null, null, List.of(), List.of(), List.of(), OID);
    }

    /** The registry operations an erasure uses; anything else fails the test. */
    private SchoolRegistryProvider registry() {
        return (SchoolRegistryProvider) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SchoolRegistryProvider.class}, (proxy, method, args) -> {
                    if (down) {
                        throw new RegistryUnavailableException("down");
                    }
                    switch (method.getName()) {
                        case "findLinked" -> {
                            calls.add("findLinked " + args[0]);
                            return List.copyOf(linked);
                        }
                        case "eraseConsentData" -> {
                            calls.add("eraseConsentData " + args[0] + " " + args[1] + " " + args[2] + " " + args[3]);
                            assertThat((Collection<?>) args[1]).isEqualTo(REALM_CLIENTS);
                            return canEraseConsents
                                    ? Optional.of(new ConsentErasureReceipt(1, 1, 2, List.of("school-portal")))
                                    : Optional.empty();
                        }
                        case "unlink" -> {
                            calls.add("unlink " + args[0] + " " + args[1] + " " + args[2] + " " + args[3]);
                            return true;
                        }
                        case "deleteAccessRequests" -> {
                            calls.add("deleteAccessRequests " + args[0]);
                            return canDeleteRequests ? OptionalInt.of(3) : OptionalInt.empty();
                        }
                        default -> throw new AssertionError("unexpected registry call " + method.getName());
                    }
                });
    }
}
