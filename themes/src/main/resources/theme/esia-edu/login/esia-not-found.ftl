<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: esia-not-found.ftl -->
    <#if section = "header">
        ${msg("esiaNotFoundTitle")}
    <#elseif section = "form">
        <div class="${properties.kcContentWrapperClass!} esia-edu-text" id="esia-not-found-text">
            <p class="esia-edu-lead"><strong>${msg("esiaNotFoundText")}</strong></p>
            <p>${msg("esiaNotFoundInstruction")}</p>
        </div>
        <form id="esia-not-found-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="esia-edu-choices" role="group" aria-labelledby="kc-page-title">
                <#if esiaOfferLink!true>
                    <button type="submit" name="action" value="link" id="esia-link"
                            class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button"
                            autofocus>${msg("esiaNotFoundLink")}</button>
                </#if>
                <button type="submit" name="action" value="request" id="esia-request"
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button">${msg("esiaNotFoundRequest")}</button>
                <button type="submit" name="action" value="exit" id="esia-exit"
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button">${msg("esiaExit")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
