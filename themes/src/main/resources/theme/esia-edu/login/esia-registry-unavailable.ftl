<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: esia-registry-unavailable.ftl -->
    <#if section = "header">
        ${msg("esiaRegistryUnavailableTitle")}
    <#elseif section = "form">
        <div class="pf-v5-c-alert pf-m-warning pf-m-inline esia-edu-alert" role="alert" id="esia-registry-unavailable">
            <p class="pf-v5-c-alert__title">${msg("esiaRegistryUnavailableText")}</p>
            <p class="pf-v5-c-alert__description">${msg("esiaRegistryUnavailableHint")}</p>
        </div>
        <form id="esia-registry-unavailable-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="esia-edu-choices">
                <button type="submit" name="action" value="retry" id="esia-retry"
                        class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button"
                        autofocus>${msg("esiaRetry")}</button>
                <button type="submit" name="action" value="exit" id="esia-exit"
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button">${msg("esiaExit")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
