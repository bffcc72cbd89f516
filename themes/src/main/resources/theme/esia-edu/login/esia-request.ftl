<#-- «Обратиться в организацию». Modes (esiaRequestMode): form | conditions | unavailable | error.
     Owner: ru.esiaedu.linker.request.AccessRequestAuthenticator -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#assign mode = esiaRequestMode!"error">
<#assign values = esiaRequestValues!{}>
<@layout.registrationLayout displayMessage=(mode != "form" || !messagesPerField.existsError('childFullName','organisationType','organisationId','className','contactEmail')); section>
<!-- template: esia-request.ftl -->
    <#if section = "header">
        <#if mode = "conditions">${msg("esiaRequestUnavailableTitle")}<#else>${msg("esiaRequestTitle")}</#if>
    <#elseif section = "form">
        <#if mode = "form">
            <p>${msg("esiaRequestIntro")}</p>
            <form id="kc-esia-request-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
                  onsubmit="send.disabled = true; return true;" novalidate="novalidate">
                <@field.group name="childFullName" label=msg("esiaRequestChild") error=messagesPerField.get('childFullName') required=true>
                    <span class="${properties.kcInputClass!} <#if messagesPerField.existsError('childFullName')>${properties.kcError!}</#if>">
                        <input id="childFullName" name="childFullName" type="text" value="${values.childFullName!''}" list="esia-children"
                               autocomplete="off" aria-invalid="<#if messagesPerField.existsError('childFullName')>true</#if>"/>
                    </span>
                    <datalist id="esia-children">
                        <#list esiaRequestChildren![] as child><option value="${child}"></option></#list>
                    </datalist>
                </@field.group>
                <@field.group name="organisationType" label=msg("esiaRequestType") error=messagesPerField.get('organisationType') required=true>
                    <span class="${properties.kcInputClass!} <#if messagesPerField.existsError('organisationType')>${properties.kcError!}</#if>">
                        <select id="organisationType" name="organisationType" aria-invalid="<#if messagesPerField.existsError('organisationType')>true</#if>">
                            <option value="">${msg("esiaRequestChooseType")}</option>
                            <#list esiaRequestTypes![] as type>
                                <option value="${type}" <#if type == (values.organisationType!'')>selected</#if>>${msg("esiaOrgType." + type)}</option>
                            </#list>
                        </select>
                    </span>
                </@field.group>
                <@field.group name="organisationId" label=msg("esiaRequestOrganisation") error=messagesPerField.get('organisationId') required=true>
                    <span class="${properties.kcInputClass!} <#if messagesPerField.existsError('organisationId')>${properties.kcError!}</#if>">
                        <select id="organisationId" name="organisationId" aria-invalid="<#if messagesPerField.existsError('organisationId')>true</#if>">
                            <option value="">${msg("esiaLinkChooseOrganisation")}</option>
                            <#list esiaRequestOrganisations![] as organisation>
                                <option value="${organisation.id}" data-type="${organisation.type}" <#if organisation.id == (values.organisationId!'')>selected</#if>>${organisation.name}<#if organisation.municipality?has_content> (${organisation.municipality})</#if></option>
                            </#list>
                        </select>
                    </span>
                </@field.group>
                <@field.input name="className" label=msg("esiaRequestClass") value=values.className!'' error=messagesPerField.get('className') />
                <@field.input name="contactEmail" label=msg("esiaRequestEmail") value=values.contactEmail!'' autocomplete="email" error=messagesPerField.get('contactEmail') />
                <p class="${properties.kcFormHelperTextClass!}">${msg("esiaRequestAfter")}</p>
                <@buttons.actionGroup>
                    <@buttons.button id="esia-request-send" name="send" label="esiaRequestSubmit" />
                    <@buttons.buttonLink id="esia-request-exit" href=url.loginRestartFlowUrl label="esiaExit" />
                </@buttons.actionGroup>
            </form>
            <script>
                // Organisation list follows the chosen type; the server checks the pair again.
                (function () {
                    var type = document.getElementById('organisationType');
                    var organisation = document.getElementById('organisationId');
                    function filter() {
                        for (var i = 1; i < organisation.options.length; i++) {
                            var option = organisation.options[i];
                            var show = !type.value || option.getAttribute('data-type') === type.value;
                            option.hidden = !show;
                            option.disabled = !show;
                            if (!show && option.selected) { organisation.value = ''; }
                        }
                    }
                    type.addEventListener('change', filter);
                    filter();
                })();
            </script>
        <#elseif mode = "conditions">
            <#assign refusal = esiaRequestRefusal!"notConfirmed">
            <p id="esia-request-refusal">${msg("esiaRequestRefusal." + refusal)}</p>
            <#if refusal != "staff">
                <p>${msg("esiaRequestConditionsTitle")}</p>
                <ol>
                    <li>${msg("esiaRequestCondition1")}</li>
                    <li>${msg("esiaRequestCondition2")}</li>
                </ol>
                <p>${msg("esiaRequestInPerson")}</p>
            </#if>
            <@buttons.actionGroup>
                <@buttons.buttonLink id="esia-request-exit" href=url.loginRestartFlowUrl label="esiaExit" />
            </@buttons.actionGroup>
        <#else>
            <@buttons.actionGroup>
                <@buttons.buttonLink id="esia-request-exit" href=url.loginRestartFlowUrl label="esiaExit" />
            </@buttons.actionGroup>
        </#if>
    </#if>
</@layout.registrationLayout>
