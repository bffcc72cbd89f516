package ru.esiaedu.consent.sso;

import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.CookieAuthenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.services.managers.AuthenticationManager;

import ru.esiaedu.consent.check.ConsentCheckSettings;
import ru.esiaedu.login.LoginNotes;
import ru.esiaedu.login.ProfileNotes;

/**
 * Keycloak's cookie (SSO) step, except for sessions of roles that need a consent check at every login (students by
 * default): those fall through to the next alternative, ESIA, so the post-broker-login consent check runs again.
 */
public final class ConsentAwareCookieAuthenticator extends CookieAuthenticator {

    private static final Logger LOG = Logger.getLogger(ConsentAwareCookieAuthenticator.class);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationManager.AuthResult sso = AuthenticationManager.authenticateIdentityCookie(context.getSession(),
                context.getRealm(), true);
        if (sso != null) {
            Optional<String> role = policy(context).recheckAs(sso.session().getNote(ProfileNotes.ROLE));
            if (role.isPresent()) {
                LOG.debugf("SSO session of a role that needs a consent check: signing in through ESIA again (realm %s)",
                        context.getRealm().getName());
                // the role picker takes this like a deep link: no second «Войти с ролью» page
                context.getAuthenticationSession().setClientNote(LoginNotes.ROLE_REQUEST_PARAM, role.get());
                context.getEvent().detail("consent_check", "sso_recheck");
                context.attempted();
                return;
            }
        }
        super.authenticate(context);
    }

    private static SsoRecheckPolicy policy(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        Map<String, String> values = config == null || config.getConfig() == null ? Map.of() : config.getConfig();
        return new SsoRecheckPolicy(ConsentCheckSettings.from(values).rolesRequiringConsent());
    }
}
