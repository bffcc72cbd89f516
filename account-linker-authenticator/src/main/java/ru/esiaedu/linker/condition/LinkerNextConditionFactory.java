package ru.esiaedu.linker.condition;

import java.util.List;

import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import ru.esiaedu.linker.LinkerNotes;

import ru.esiaedu.login.step.EsiaStepFactory;

/** Condition guarding the «Привязать учётную запись» / «Обратиться в организацию» sub-flows. */
public final class LinkerNextConditionFactory extends EsiaStepFactory implements ConditionalAuthenticatorFactory {

    public static final String ID = "esia-linker-next-condition";
    static final String CONFIG_VALUE = "value";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Condition - ЕСИА: выбранный шаг (ESIA linker step)";
    }

    @Override
    public String getHelpText() {
        return "Выполняет подпоток, если на странице «Запись не найдена» или в выборе организации нажата кнопка "
                + "с этим значением (link — «Привязать учётную запись», request — «Обратиться в организацию»). / "
                + "Runs the sub-flow when the person chose this step (auth note esia.linker.next).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(CONFIG_VALUE)
                .label("Шаг / Step")
                .helpText("link — «Привязать учётную запись», request — «Обратиться в организацию».")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(LinkerNotes.NEXT_LINK, LinkerNotes.NEXT_REQUEST)
                .defaultValue(LinkerNotes.NEXT_LINK)
                .add()
                .build();
    }

    @Override
    public ConditionalAuthenticator getSingleton() {
        return LinkerNextCondition.SINGLETON;
    }
}
