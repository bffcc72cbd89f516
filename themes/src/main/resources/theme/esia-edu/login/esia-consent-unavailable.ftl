<#-- «Не удалось проверить согласие» — the consent source did not answer; nothing is assumed (fail closed).
     Owner: ru.esiaedu.consent.check.ConsentCheckAuthenticator. Form field action = retry | exit. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: esia-consent-unavailable.ftl -->
    <#if section = "header">
        ${msg("esiaConsentUnavailableTitle")}
    <#elseif section = "form">
        <div class="pf-v5-c-alert pf-m-warning pf-m-inline esia-edu-alert" role="alert" id="esia-consent-unavailable">
            <p class="pf-v5-c-alert__title" id="esia-consent-unavailable-text">${msg("esiaConsentUnavailableText")}</p>
        </div>
        <form id="esia-consent-unavailable-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="esia-edu-choices">
                <button type="submit" name="action" value="retry" id="esia-consent-retry"
                        class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button"
                        autofocus>${msg("esiaRetry")}</button>
                <button type="submit" name="action" value="exit" id="esia-exit"
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button">${msg("esiaExit")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
