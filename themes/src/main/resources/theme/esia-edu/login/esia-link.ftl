<#-- «Привязать учётную запись» (seed 001). Modes (esiaLinkMode): form | closed | unavailable | error.
     Owner: ru.esiaedu.linker.link.LegacyLinkAuthenticator -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#assign mode = esiaLinkMode!"error">
<@layout.registrationLayout displayMessage=(mode != "form" || !messagesPerField.existsError('organisation','username','password')); section>
<!-- template: esia-link.ftl -->
    <#if section = "header">
        <#if mode = "form">${msg("esiaLinkTitle")}<#else>${msg("esiaLinkClosedTitle")}</#if>
    <#elseif section = "form">
        <#if mode = "form">
            <h2 class="pf-v5-c-title pf-m-md">${msg("esiaLinkSubtitle")}</h2>
            <form id="kc-esia-link-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
                  onsubmit="login.disabled = true; return true;" novalidate="novalidate">
                <@field.group name="organisation" label=msg("esiaLinkOrganisation") error=messagesPerField.get('organisation') required=true>
                    <span class="${properties.kcInputClass!} <#if messagesPerField.existsError('organisation')>${properties.kcError!}</#if>">
                        <select id="organisation" name="organisation" aria-invalid="<#if messagesPerField.existsError('organisation')>true</#if>">
                            <option value="">${msg("esiaLinkChooseOrganisation")}</option>
                            <#list esiaLinkOrganisations![] as organisation>
                                <option value="${organisation.id}" <#if organisation.id == (esiaLinkSelected!"")>selected</#if>>${organisation.name}<#if organisation.municipality?has_content> (${organisation.municipality})</#if></option>
                            </#list>
                        </select>
                    </span>
                </@field.group>
                <@field.input name="username" label=msg("esiaLinkLogin") value=esiaLinkLogin!"" autocomplete="username"
                              error=messagesPerField.get('username') />
                <@field.password name="password" label=msg("esiaLinkPassword") autocomplete="current-password"
                                 error=messagesPerField.get('password')>
                    <#if realm.rememberMe>
                        <@field.checkbox name="rememberMe" label=msg("esiaLinkRememberMe") value=esiaLinkRememberMe!false />
                    </#if>
                </@field.password>
                <p class="${properties.kcFormHelperTextClass!}">${msg("esiaLinkIntro", (realm.displayName)!realm.name)}</p>
                <@buttons.actionGroup>
                    <@buttons.button id="kc-login" name="login" label="esiaLinkSubmit" />
                    <@buttons.buttonLink id="esia-link-exit" href=url.loginRestartFlowUrl label="esiaExit" />
                </@buttons.actionGroup>
            </form>
        <#elseif mode = "closed">
            <p id="esia-link-closed">
                <#if esiaLinkClosedSince?has_content>${msg("esiaLinkSelfClosed", esiaLinkClosedSince)}<#else>${msg("esiaLinkSelfClosedNoDate")}</#if>
            </p>
            <p>${msg("esiaLinkSelfClosedHint")}</p>
            <form id="kc-esia-link-closed" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <@buttons.actionGroup>
                    <@buttons.button id="esia-link-request" name="request" label="esiaRequestOpen" />
                    <@buttons.buttonLink id="esia-link-exit" href=url.loginRestartFlowUrl label="esiaExit" />
                </@buttons.actionGroup>
            </form>
        <#elseif mode = "unavailable">
            <form id="kc-esia-link-retry" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
                <@buttons.actionGroup>
                    <@buttons.button id="esia-link-retry" name="retry" label="esiaRetry" />
                    <@buttons.buttonLink id="esia-link-exit" href=url.loginRestartFlowUrl label="esiaExit" />
                </@buttons.actionGroup>
            </form>
        <#else>
            <@buttons.actionGroup>
                <@buttons.buttonLink id="esia-link-exit" href=url.loginRestartFlowUrl label="esiaExit" />
            </@buttons.actionGroup>
        </#if>
    </#if>
</@layout.registrationLayout>
