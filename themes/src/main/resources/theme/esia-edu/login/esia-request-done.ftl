<#-- The request has been sent: its number, whether the e-mail went out, «Выход».
     Owner: ru.esiaedu.linker.request.AccessRequestAuthenticator -->
<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: esia-request-done.ftl -->
    <#if section = "header">
        ${msg("esiaRequestDoneTitle")}
    <#elseif section = "form">
        <p id="esia-request-number">${msg("esiaRequestDone", esiaRequestNumber!"")}</p>
        <#if esiaRequestMailFailed!false>
            <p id="esia-request-mail-failed">${msg("esiaRequestDoneMailFailed")}</p>
        <#else>
            <p id="esia-request-mail-sent">${msg("esiaRequestDoneMailSent")}</p>
        </#if>
        <p>${msg("esiaRequestDoneNext")}</p>
        <@buttons.actionGroup>
            <@buttons.buttonLink id="esia-request-exit" href=url.loginRestartFlowUrl label="esiaExit" />
        </@buttons.actionGroup>
    </#if>
</@layout.registrationLayout>
