<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: esia-role-select.ftl -->
    <#if section = "header">
        ${msg("esiaRoleSelectTitle")}
    <#elseif section = "form">
        <p id="esia-role-hint" class="esia-edu-lead">${msg("esiaRoleSelectHint")}</p>
        <form id="esia-role-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="esia-edu-choices" role="group" aria-labelledby="kc-page-title" aria-describedby="esia-role-hint">
                <#list esiaRoles as role>
                    <button type="submit" name="role" value="${role}" id="esia-role-${role}"
                            class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button"
                            <#if role?is_first>autofocus</#if>>${msg("esiaRole." + role)}</button>
                </#list>
            </div>
        </form>
        <#if esiaHelpUrl??>
            <p class="esia-edu-help-link"><a id="esia-help" href="${esiaHelpUrl}" target="_blank" rel="noopener">${msg("esiaHowToLink")}<span class="esia-edu-visually-hidden"> ${msg("esiaHelpNewTab")}</span></a></p>
            <#global esiaHelpLinkShown = true>
        </#if>
    </#if>
</@layout.registrationLayout>
