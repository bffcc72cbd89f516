<#-- «Контактные данные». Owner: ru.esiaedu.contact.ContactDetailsAuthenticator.
     Attributes: esiaContactMode (email = address and choices | choices = only the choices, the address from Gosuslugi
     shown), esiaContactValues (email, esiaEduJournalMailCopy, esiaEduMarkReadOnOpen: what was posted),
     esiaContactEsiaEmail (choices mode). Form fields: email, esiaEduJournalMailCopy, esiaEduMarkReadOnOpen ("on"). -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#assign mode = esiaContactMode!"email">
<#assign values = esiaContactValues!{}>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('email'); section>
<!-- template: esia-contact-details.ftl -->
    <#if section = "header">
        ${msg("esiaContactTitle")}
    <#elseif section = "form">
        <p id="esia-contact-intro"><#if mode = "choices">${msg("esiaContactIntroChoices")}<#else>${msg("esiaContactIntro")}</#if></p>
        <form id="kc-esia-contact-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
              onsubmit="register.disabled = true; return true;" novalidate="novalidate">
            <#if mode = "email">
                <@field.group name="email" label=msg("esiaContactEmail") error=messagesPerField.get('email') required=true>
                    <span class="${properties.kcInputClass!} <#if messagesPerField.existsError('email')>${properties.kcError!}</#if>">
                        <input id="email" name="email" type="email" inputmode="email" value="${values.email!''}"
                               autocomplete="email" autofocus aria-required="true" aria-describedby="esia-contact-email-hint"
                               aria-invalid="<#if messagesPerField.existsError('email')>true</#if>"/>
                    </span>
                    <p id="esia-contact-email-hint" class="${properties.kcFormHelperTextClass!}">${msg("esiaContactEmailHint")}</p>
                </@field.group>
            <#else>
                <p id="esia-contact-esia-email">${msg("esiaContactEsiaEmail")} <strong>${esiaContactEsiaEmail!''}</strong></p>
            </#if>
            <div class="${properties.kcCheckboxClass!} esia-edu-checkbox">
                <label for="esiaEduJournalMailCopy" class="${properties.kcCheckboxClass!}">
                    <input class="${properties.kcCheckboxInputClass!}" type="checkbox" id="esiaEduJournalMailCopy"
                           name="esiaEduJournalMailCopy" value="on" <#if values.esiaEduJournalMailCopy!false>checked</#if>/>
                    <span class="${properties.kcCheckboxLabelClass!}">${msg("esiaContactJournalMailCopy")}</span>
                </label>
            </div>
            <div class="${properties.kcCheckboxClass!} esia-edu-checkbox">
                <label for="esiaEduMarkReadOnOpen" class="${properties.kcCheckboxClass!}">
                    <input class="${properties.kcCheckboxInputClass!}" type="checkbox" id="esiaEduMarkReadOnOpen"
                           name="esiaEduMarkReadOnOpen" value="on" aria-describedby="esia-contact-mark-read-hint"
                           <#if values.esiaEduMarkReadOnOpen!false>checked</#if>/>
                    <span class="${properties.kcCheckboxLabelClass!}">${msg("esiaContactMarkReadOnOpen")}</span>
                </label>
            </div>
            <p id="esia-contact-mark-read-hint" class="${properties.kcFormHelperTextClass!}">${msg("esiaContactMarkReadHint")}</p>
            <#if mode = "email">
                <p class="${properties.kcFormHelperTextClass!}">${msg("esiaContactAfter")}</p>
            </#if>
            <@buttons.actionGroup>
                <@buttons.button id="esia-contact-register" name="register" label="esiaContactSubmit" />
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
