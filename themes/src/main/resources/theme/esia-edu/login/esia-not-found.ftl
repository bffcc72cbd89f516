<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: esia-not-found.ftl -->
    <#if section = "header">
        ${msg("esiaNotFoundTitle")}
    <#elseif section = "form">
        <div class="${properties.kcContentWrapperClass!} esia-edu-text" id="esia-not-found-text">
            <#-- A student: «Ваш дневник не найден…» for their age, with the region's feedback form when
                 configured (esiaNotFoundStudent = minor | adult, esiaFeedbackUrl; RegistryMatchAuthenticator). -->
            <#assign student = esiaNotFoundStudent!"">
            <#if student == "minor" || student == "adult">
                <p class="esia-edu-lead" id="esia-not-found-student" data-audience="${student}"><strong>${msg((student == "minor")?then("esiaNotFoundStudentMinor", "esiaNotFoundStudentAdult"))} <#if (esiaFeedbackUrl!"")?has_content><a id="esia-feedback-link" href="${esiaFeedbackUrl}" target="_blank" rel="noopener noreferrer">${msg("esiaNotFoundFeedbackLink")}</a><#else><span id="esia-feedback-text">${msg("esiaNotFoundFeedbackLink")}</span></#if></strong></p>
            <#else>
                <p class="esia-edu-lead"><strong>${msg("esiaNotFoundText")}</strong></p>
            </#if>
            <#-- A phone or e-mail of the person leads to several people in the registry: nothing was linked
                 automatically (esiaContactAmbiguous; RegistryMatchAuthenticator). -->
            <#if esiaContactAmbiguous!false>
                <p id="esia-contact-ambiguous">${msg("esiaNotFoundContactAmbiguous")}</p>
            </#if>
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
