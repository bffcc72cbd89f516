package ru.esiaedu.themes.help;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.theme.Theme;

/**
 * «Как войти через Госуслуги (ЕСИА)» at {@code /realms/{realm}/esia-help}: the page {@code esia-help.ftl} of the
 * realm's login theme, rendered by Keycloak's own login-forms provider, so it has the theme's layout, the realm's
 * display name and logo, the person's language and the realm's message overrides — outside any login flow.
 * {@code /realms/{realm}/esia-help/consent} (and the other sections) redirect to the section's anchor: a link
 * without a {@code #} for SMS and e-mails.
 *
 * <p>Keycloak 26.7 (RESTEasy Reactive) knows a sub-resource class only if one of its methods carries {@code @Path};
 * with the page method alone every GET was answered 405 «Allow: HEAD, OPTIONS». The section method is that
 * {@code @Path}.
 */
public class EsiaHelpPage {

    static final String TEMPLATE = "esia-help.ftl";
    /** Template attribute: the page is the help page (no help link in the footer, no login-session polling). */
    static final String ATTRIBUTE = "esiaHelpPage";
    private static final Logger LOG = Logger.getLogger(EsiaHelpPage.class);

    /** The page's anchors (esia-help.ftl). */
    public static final Set<String> SECTIONS = Set.of("roles", "child-account", "teen-account", "link-account", "consent", "errors");

    private final KeycloakSession session;

    public EsiaHelpPage(KeycloakSession session) {
        this.session = session;
    }

    @GET
    public Response page() {
        if (!themeHasThePage()) {
            // A realm with another login theme (not esia-edu or a child of it) has no such page.
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("Страница справки есть только в теме входа esia-edu.").build();
        }
        Response page = session.getProvider(LoginFormsProvider.class)
                .setAttribute(ATTRIBUTE, Boolean.TRUE)
                .createForm(TEMPLATE);
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(300);
        return Response.fromResponse(page).cacheControl(cache).build();
    }

    @GET
    @Path("{section}")
    public Response section(@PathParam("section") String section) {
        if (!SECTIONS.contains(section)) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        URI page = session.getContext().getUri().getBaseUriBuilder()
                .path("realms").path(session.getContext().getRealm().getName()).path(EsiaHelpResourceFactory.ID)
                .fragment(section).build();
        return Response.seeOther(page).build();
    }

    private boolean themeHasThePage() {
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            return theme != null && theme.getTemplate(TEMPLATE) != null;
        } catch (IOException e) {
            LOG.warnf("Cannot load the login theme of realm %s: %s", session.getContext().getRealm().getName(), e.getMessage());
            return false;
        }
    }
}
