package ru.esiaedu.linker.mapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

import ru.esiaedu.login.ProfileNotes;

/**
 * Puts the profile chosen at login into the tokens: {@code school_profile} (role, organisation, class,
 * registry id), and optionally every profile of the person as {@code school_profiles}.
 */
public final class SchoolProfileMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper {

    public static final String ID = "esia-school-profile-mapper";
    static final String CONFIG_ALL_PROFILES = "include.all.profiles";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        ProviderConfigProperty all = new ProviderConfigProperty();
        all.setName(CONFIG_ALL_PROFILES);
        all.setLabel("Все профили (school_profiles) / All profiles");
        all.setHelpText("Добавить claim school_profiles со всеми профилями человека (все организации и роли). / "
                + "Also add school_profiles with every profile of the person.");
        all.setType(ProviderConfigProperty.BOOLEAN_TYPE);
        all.setDefaultValue("false");
        CONFIG.add(all);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, SchoolProfileMapper.class);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Школьный профиль (ЕСИА)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Claim school_profile: роль, организация, класс и id в реестре для профиля, выбранного при входе через "
                + "Госуслуги. / The school profile chosen at the ESIA login.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession keycloakSession, ClientSessionContext clientSessionCtx) {
        Map<String, Object> profile = SchoolProfileClaims.profile(userSession::getNote);
        if (profile != null) {
            token.getOtherClaims().put(SchoolProfileClaims.PROFILE_CLAIM, profile);
        }
        if (Boolean.parseBoolean(mappingModel.getConfig().get(CONFIG_ALL_PROFILES)) && userSession.getUser() != null) {
            token.getOtherClaims().put(SchoolProfileClaims.PROFILES_CLAIM, SchoolProfileClaims.profiles(
                    userSession.getUser().getAttributeStream(ProfileNotes.USER_ATTRIBUTE)));
        }
    }
}
