<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "social-providers.ftl" as identityProviders>
<#import "passkeys.ftl" as passkeys>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password') displayInfo=realm.password && realm.registrationAllowed && !registrationDisabled??; section>
<!-- template: login.ftl (esia-edu: «Войти через Госуслуги» first; the password form hidden, collapsed or shown) -->

    <#if section = "header">
        ${msg("loginAccountTitle")}
    <#elseif section = "form">
        <#-- The ESIA identity provider (alias or provider id "esia") as the first, biggest thing on the page. -->
        <#assign esiaProvider = "">
        <#if social.providers??>
            <#list social.providers as p>
                <#if p.alias == "esia" || p.providerId == "esia"><#assign esiaProvider = p><#break></#if>
            </#list>
        </#if>
        <#-- The login/password form: "hidden" (default), "collapsed" (behind «Войти по логину и паролю») or "shown".
             Set by the realm override of the message key esiaPasswordForm (Realm settings → Localization), else by
             the theme property esiaPasswordForm (theme.properties reads the environment variable ESIA_EDU_PASSWORD_FORM).
             Without the ESIA provider the form is always shown: nobody could sign in otherwise. -->
        <#assign esiaFormSetting = msg("esiaPasswordForm")?trim?lower_case>
        <#if !esiaFormSetting?has_content || esiaFormSetting == "esiapasswordform">
            <#assign esiaFormSetting = (properties.esiaPasswordForm!"hidden")?trim?lower_case>
        </#if>
        <#assign esiaFormMode = ["shown", "collapsed", "hidden"]?seq_contains(esiaFormSetting)?then(esiaFormSetting, "hidden")>
        <#if !esiaProvider?has_content || !realm.password>
            <#assign esiaFormMode = realm.password?then("shown", "hidden")>
        </#if>
        <#-- A failed password attempt keeps the collapsed form open, with its error. -->
        <#assign esiaFormOpen = messagesPerField.existsError('username','password') || (login.username!'')?has_content>
        <#if esiaProvider?has_content>
            <div id="esia-login" class="esia-edu-gosuslugi">
                <p class="esia-edu-lead">${msg("esiaLoginLead")}</p>
                <a id="social-${esiaProvider.alias}" href="${esiaProvider.loginUrl}" data-once-link
                   class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button esia-edu-gosuslugi-button">${msg("esiaLoginButton")}</a>
                <#if esiaHelpUrl??>
                    <p class="esia-edu-help-link"><a id="esia-howto" href="${esiaHelpUrl}" target="_blank" rel="noopener">${msg("esiaHowToLink")}<span class="esia-edu-visually-hidden"> ${msg("esiaHelpNewTab")}</span></a></p>
                    <#global esiaHelpLinkShown = true>
                </#if>
            </div>
            <#if esiaFormMode == "shown">
                <div class="esia-edu-separator" role="separator"><span>${msg("esiaLoginOr")}</span></div>
            </#if>
        </#if>
        <#if esiaFormMode != "hidden">
        <#if esiaFormMode == "collapsed">
        <details id="esia-password-login" class="esia-edu-password-login"<#if esiaFormOpen> open</#if>>
            <summary id="esia-password-login-toggle" class="esia-edu-password-summary">${msg("esiaPasswordFormToggle")}</summary>
        </#if>
        <div id="kc-form">
          <div id="kc-form-wrapper">
                <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <#if !usernameHidden??>
                        <#assign label>
                            <#if !realm.loginWithEmailAllowed>${msg("username")}<#elseif !realm.registrationEmailAsUsername>${msg("usernameOrEmail")}<#else>${msg("email")}</#if>
                        </#assign>
                        <@field.input name="username" label=label error=messagesPerField.getFirstError('username','password')
                            autofocus=(!esiaProvider?has_content || esiaFormOpen) autocomplete="${(enableWebAuthnConditionalUI?has_content)?then('username webauthn', 'username')}" value=login.username!'' />
                        <@field.password name="password" label=msg("password") error="" forgotPassword=realm.resetPasswordAllowed autofocus=usernameHidden?? autocomplete="current-password">
                            <#if realm.rememberMe && !usernameHidden??>
                                <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
                            </#if>
                        </@field.password>
                    <#else>
                        <@field.password name="password" label=msg("password") forgotPassword=realm.resetPasswordAllowed autofocus=usernameHidden?? autocomplete="current-password">
                            <#if realm.rememberMe && !usernameHidden??>
                                <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
                            </#if>
                        </@field.password>
                    </#if>

                    <input type="hidden" id="id-hidden-input" name="credentialId" <#if auth.selectedCredential?has_content>value="${auth.selectedCredential}"</#if>/>
                    <@buttons.loginButton />
                </form>
            </div>
        </div>
        <#if esiaFormMode == "collapsed">
        </details>
        </#if>
        </#if>
        <@passkeys.conditionalUIData />
    <#elseif section = "socialProviders" >
        <#-- Other identity providers keep the parent's list; ESIA alone is already shown above. -->
        <#if realm.password && social.providers?? && social.providers?size gt 1 && (esiaFormMode!"shown") != "hidden">
            <@identityProviders.show social=social/>
        </#if>
    <#elseif section = "info" >
        <#if realm.password && realm.registrationAllowed && !registrationDisabled?? && (esiaFormMode!"shown") != "hidden">
            <div id="kc-registration-container">
                <div id="kc-registration">
                    <span>${msg("noAccount")} <a href="${url.registrationUrl}">${msg("doRegister")}</a></span>
                </div>
            </div>
        </#if>
    </#if>

</@layout.registrationLayout>
