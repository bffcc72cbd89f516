<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: esia-login-in-progress.ftl -->
    <#if section = "header">
        ${msg("esiaLoginInProgressTitle")}
    <#elseif section = "form">
        <div class="pf-v5-c-alert pf-m-info pf-m-inline esia-edu-alert" role="status" id="esia-login-in-progress">
            <p class="pf-v5-c-alert__title">${msg("esiaLoginInProgressText")}</p>
        </div>
        <div class="esia-edu-choices">
            <a href="${url.loginRestartFlowUrl}" id="esia-retry"
               class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button">${msg("esiaRetry")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
