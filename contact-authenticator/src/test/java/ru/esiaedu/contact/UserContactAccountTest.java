package ru.esiaedu.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;

/** What the step writes on the Keycloak user: an unconfirmed address, Keycloak's verification, two true/false attributes. */
class UserContactAccountTest {

    private String email;
    private Boolean emailVerified = Boolean.TRUE;
    private final Set<String> requiredActions = new LinkedHashSet<>();
    private final Map<String, List<String>> attributes = new HashMap<>();
    private final UserModel user = user();

    @Test
    void aTypedAddressIsStoredUnconfirmedAndKeycloakIsToldToSendItsLink() {
        new UserContactAccount(user).storeEmailForConfirmation("olga@mail.ru");

        assertThat(email).isEqualTo("olga@mail.ru");
        assertThat(emailVerified).isFalse();
        assertThat(requiredActions).containsExactly(UserModel.RequiredAction.VERIFY_EMAIL.name());
    }

    @Test
    void theChoicesAreTrueOrFalseAttributesAndMarkingAsReadNeedsTheCopy() {
        UserContactAccount account = new UserContactAccount(user);
        assertThat(account.choicesStored()).isFalse();

        account.storeChoices(new ContactChoices(false, true));

        assertThat(attributes).containsOnly(Map.entry(ContactChoices.JOURNAL_MAIL_COPY, List.of("false")),
                Map.entry(ContactChoices.MARK_READ_ON_OPEN, List.of("false")));
        assertThat(account.choicesStored()).isTrue();

        account.storeChoices(new ContactChoices(true, true));
        assertThat(attributes).containsOnly(Map.entry(ContactChoices.JOURNAL_MAIL_COPY, List.of("true")),
                Map.entry(ContactChoices.MARK_READ_ON_OPEN, List.of("true")));
    }

    private UserModel user() {
        return (UserModel) Proxy.newProxyInstance(UserModel.class.getClassLoader(), new Class<?>[] {UserModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getEmail" -> email;
                    case "setEmail" -> {
                        email = (String) args[0];
                        yield null;
                    }
                    case "setEmailVerified" -> {
                        emailVerified = (Boolean) args[0];
                        yield null;
                    }
                    case "addRequiredAction" -> {
                        requiredActions.add(args[0] instanceof UserModel.RequiredAction action ? action.name() : (String) args[0]);
                        yield null;
                    }
                    case "setSingleAttribute" -> {
                        attributes.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
                        yield null;
                    }
                    case "getFirstAttribute" -> {
                        List<String> values = attributes.get((String) args[0]);
                        yield values == null || values.isEmpty() ? null : values.get(0);
                    }
                    default -> throw new AssertionError("unexpected call UserModel." + method.getName());
                });
    }
}
