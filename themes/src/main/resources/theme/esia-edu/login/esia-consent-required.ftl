<#-- «Для входа в дневник нужно согласие…». Owner: ru.esiaedu.consent.check.ConsentCheckAuthenticator.
     Attributes: esiaConsentMinor (boolean), esiaConsentChannel (gosuslugi = source esia | platform = registry),
     esiaConsentSelfApproval (boolean: an adult may give the consent here), esiaConsentOperator (client name),
     esiaConsentMailFailed (boolean: the request's e-mail did not go), esiaConsentResend (boolean: offer
     «Отправить письмо ещё раз»).
     Form field action = approve (with checkbox consentAgree) | recheck | resend | exit. -->
<#import "template.ftl" as layout>
<#assign minor = esiaConsentMinor!true>
<#assign channel = esiaConsentChannel!"gosuslugi">
<#assign selfApproval = (esiaConsentSelfApproval!false) && !minor>
<#assign mailFailed = (esiaConsentMailFailed!false) && channel == "platform">
<@layout.registrationLayout displayMessage=true; section>
<!-- template: esia-consent-required.ftl -->
    <#if section = "header">
        ${msg("esiaConsentRequiredTitle")}
    <#elseif section = "form">
        <div class="${properties.kcContentWrapperClass!} esia-edu-text" id="esia-consent-required"
             data-audience="<#if minor>minor<#else>adult</#if>" data-channel="${channel}">
            <#if minor>
                <p class="esia-edu-lead" id="esia-consent-required-lead"><strong>${msg("esiaConsentMinorLead")}</strong></p>
                <p id="esia-consent-required-text">${msg(mailFailed?then("esiaConsentMinorPlatformMailFailed", (channel == "gosuslugi")?then("esiaConsentMinorGosuslugi", "esiaConsentMinorPlatform")))}</p>
            <#else>
                <p class="esia-edu-lead" id="esia-consent-required-lead"><strong>${msg("esiaConsentAdultLead")}</strong></p>
                <#if selfApproval>
                    <p id="esia-consent-required-text">${msg("esiaConsentAdultSelfHint")}</p>
                <#else>
                    <p id="esia-consent-required-text">${msg(mailFailed?then("esiaConsentAdultPlatformMailFailed", (channel == "gosuslugi")?then("esiaConsentAdultGosuslugi", "esiaConsentAdultPlatform")))}</p>
                </#if>
            </#if>
        </div>
        <#if selfApproval>
            <form id="esia-consent-self-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
                  novalidate="novalidate">
                <section class="esia-edu-consent-text" id="esia-consent-self-text" aria-labelledby="esia-consent-self-title">
                    <h2 class="esia-edu-consent-title" id="esia-consent-self-title">${msg("esiaConsentSelfTextTitle")}</h2>
                    <p>${msg("esiaConsentSelfText", esiaConsentOperator!"")}</p>
                </section>
                <div class="${properties.kcCheckboxClass!} esia-edu-checkbox">
                    <label for="esia-consent-agree" class="${properties.kcCheckboxClass!}">
                        <input class="${properties.kcCheckboxInputClass!}" type="checkbox" id="esia-consent-agree"
                               name="consentAgree" value="on" aria-required="true" aria-describedby="esia-consent-self-text"/>
                        <span class="${properties.kcCheckboxLabelClass!}">${msg("esiaConsentSelfAgree")}</span>
                    </label>
                </div>
                <div class="esia-edu-choices">
                    <button type="submit" name="action" value="approve" id="esia-consent-approve"
                            class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button">${msg("esiaConsentSelfApprove")}</button>
                </div>
            </form>
        </#if>
        <form id="esia-consent-required-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="esia-edu-choices<#if selfApproval> esia-edu-choices-after</#if>">
                <button type="submit" name="action" value="recheck" id="esia-consent-recheck"
                        class="<#if selfApproval>${properties.kcButtonSecondaryClass!}<#else>${properties.kcButtonPrimaryClass!}</#if> ${properties.kcButtonBlockClass!} esia-edu-big-button"
                        <#if !selfApproval>autofocus</#if>>${msg("esiaConsentRecheck")}</button>
                <#if esiaConsentResend!false>
                <button type="submit" name="action" value="resend" id="esia-consent-resend"
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button">${msg("esiaConsentResendButton")}</button>
                </#if>
                <button type="submit" name="action" value="exit" id="esia-exit"
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button">${msg("esiaExit")}</button>
            </div>
        </form>
        <#if esiaHelpUrl??>
            <p class="esia-edu-help-link"><a id="esia-consent-help" href="${esiaHelpUrl}#consent" target="_blank" rel="noopener noreferrer">${msg("esiaConsentHelpLink")}<span class="esia-edu-visually-hidden"> ${msg("esiaHelpNewTab")}</span></a></p>
            <#global esiaHelpLinkShown = true>
        </#if>
    </#if>
</@layout.registrationLayout>
