package ru.esiaedu.linker.support;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;

import ru.esiaedu.linker.LinkerNotes;
import ru.esiaedu.login.step.Pages;
import ru.esiaedu.linker.firstlogin.StudentNotFoundNotice;

/** Pages the linker steps share (the buttons and «Выход» every ESIA page has are in {@link Pages}). */
public final class LinkerPages {

    public static final String NOT_FOUND = "esia-not-found.ftl";
    public static final String REGISTRY_UNAVAILABLE = "esia-registry-unavailable.ftl";
    public static final String LOGIN_IN_PROGRESS = "esia-login-in-progress.ftl";
    public static final String PROFILE_SELECT = "esia-profile-select.ftl";

    public static final String ACTION_LINK = LinkerNotes.NEXT_LINK;
    public static final String ACTION_REQUEST = LinkerNotes.NEXT_REQUEST;

    /** Event error for the outage (the registry's own log says why). */
    public static final String REGISTRY_UNAVAILABLE_ERROR = "school_registry_unavailable";

    private LinkerPages() {
    }

    /**
     * «Вход уже выполняется»: the same person's first login runs in another browser right now. Only
     * one may create the account; this one starts over with «Повторить» and then finds it.
     */
    public static Response loginInProgress(AuthenticationFlowContext context) {
        return context.form().createForm(LOGIN_IN_PROGRESS);
    }

    /** The not-found page with the required wording for a student of that age (and the feedback form link). */
    public static Response notFound(AuthenticationFlowContext context, boolean offerLink, StudentNotFoundNotice student) {
        return notFound(context, offerLink, student, false);
    }

    /**
     * The not-found page; {@code ambiguousContact}: the person's phone or e-mail leads to several people, so nothing
     * was linked and the page says to ask the organisation.
     */
    public static Response notFound(AuthenticationFlowContext context, boolean offerLink, StudentNotFoundNotice student,
                                    boolean ambiguousContact) {
        var form = context.form().setAttribute("esiaOfferLink", offerLink)
                .setAttribute("esiaContactAmbiguous", ambiguousContact);
        if (student != null && student.forStudent()) {
            form.setAttribute("esiaNotFoundStudent", student.audience());
            if (student.feedbackUrl() != null) {
                form.setAttribute("esiaFeedbackUrl", student.feedbackUrl());
            }
        }
        return form.createForm(NOT_FOUND);
    }

    /**
     * «Электронный журнал временно недоступен»: nothing was created; «Повторить» re-runs the step. A plain
     * challenge, not a failure: an outage must not count towards the person's brute-force lockout.
     */
    public static Response registryUnavailable(AuthenticationFlowContext context) {
        context.getEvent().clone().detail("reason", "school registry unavailable").error(REGISTRY_UNAVAILABLE_ERROR);
        return context.form().createForm(REGISTRY_UNAVAILABLE);
    }
}
