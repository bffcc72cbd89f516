<#-- «Привязать учётную запись». Modes (esiaLinkMode): form | closed | unavailable | error.
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
            <#assign orgOptions = esiaLinkOrganisations![]>
            <#-- Organisation search over hundreds of schools. Without JavaScript «Найти» asks the server for a shorter
                 list (LegacyLinkAuthenticator, button "search"); with it the list follows the typing and the number
                 found is announced (aria-live). A separate form, so Enter in the password field still signs in. -->
            <form id="esia-org-search-form" class="${properties.kcFormClass!} esia-edu-org-search" action="${url.loginAction}" method="post" role="search"
                  aria-label="${msg("esiaLinkOrganisationSearch")}">
                <div class="${properties.kcFormGroupClass!}">
                    <div class="${properties.kcFormGroupLabelClass!}">
                        <label for="organisationQuery" class="${properties.kcFormLabelClass!}"><span class="${properties.kcFormLabelTextClass!}">${msg("esiaLinkOrganisationSearch")}</span></label>
                    </div>
                    <div class="esia-edu-search-row">
                        <span class="${properties.kcInputClass!}">
                            <input id="organisationQuery" name="organisationQuery" type="search" value="${esiaLinkQuery!''}" autocomplete="off"
                                   enterkeyhint="search" aria-controls="organisation" aria-describedby="organisationQuery-hint esia-org-count"/>
                        </span>
                        <button type="submit" name="search" value="search" id="esia-org-search-button"
                                class="${properties.kcButtonSecondaryClass!} esia-edu-search-button">${msg("esiaLinkOrganisationSearchButton")}</button>
                    </div>
                    <p id="organisationQuery-hint" class="${properties.kcFormHelperTextClass!} esia-edu-hint">${msg("esiaLinkOrganisationSearchHint")}</p>
                    <p id="esia-org-count" class="esia-edu-org-count" role="status" aria-live="polite" aria-atomic="true"
                       data-template="${msg("esiaLinkOrganisationCount", "%COUNT%")}" data-none="${msg("esiaLinkOrganisationNone")}"><#if esiaLinkMatches?? && esiaLinkMatches == 0>${msg("esiaLinkOrganisationNone")}<#else>${msg("esiaLinkOrganisationCount", (esiaLinkMatches!orgOptions?size)?c)}</#if></p>
                </div>
            </form>
            <form id="kc-esia-link-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
                  onsubmit="login.disabled = true; return true;" novalidate="novalidate">
                <@field.group name="organisation" label=msg("esiaLinkOrganisation") error=messagesPerField.get('organisation') required=true>
                    <span class="${properties.kcInputClass!} <#if messagesPerField.existsError('organisation')>${properties.kcError!}</#if>">
                        <select id="organisation" name="organisation" aria-invalid="<#if messagesPerField.existsError('organisation')>true</#if>"
                                <#if messagesPerField.existsError('organisation')>aria-describedby="input-error-organisation"</#if>>
                            <option value="">${msg("esiaLinkChooseOrganisation")}</option>
                            <#list orgOptions as organisation>
                                <option value="${organisation.id}" <#if organisation.id == (esiaLinkSelected!"")>selected</#if>>${organisation.name}<#if organisation.municipality?has_content> (${organisation.municipality})</#if></option>
                            </#list>
                        </select>
                    </span>
                </@field.group>
                <@field.input name="username" label=msg("esiaLinkLogin") value=esiaLinkLogin!"" autocomplete="username"
                              error=messagesPerField.get('username') />
                <#assign forgotUrl = msg("esiaLinkForgotPasswordUrl")?trim>
                <#if !forgotUrl?has_content || forgotUrl == "esiaLinkForgotPasswordUrl">
                    <#assign forgotUrl = (esiaHelpUrl!"") + "#link-account">
                </#if>
                <@field.password name="password" label=msg("esiaLinkPassword") autocomplete="current-password"
                                 error=messagesPerField.get('password')>
                    <#if realm.rememberMe>
                        <@field.checkbox name="rememberMe" label=msg("esiaLinkRememberMe") value=esiaLinkRememberMe!false />
                    </#if>
                    <div class="${properties.kcInputHelperTextItemClass!} esia-edu-forgot-password">
                        <span class="${properties.kcInputHelperTextItemTextClass!}">
                            <a id="esia-link-forgot-password" href="${forgotUrl}" target="_blank" rel="noopener">${msg("esiaLinkForgotPassword")}<span class="esia-edu-visually-hidden"> ${msg("esiaHelpNewTab")}</span></a>
                        </span>
                    </div>
                </@field.password>
                <p class="${properties.kcFormHelperTextClass!}">${msg("esiaLinkIntro", (realm.displayName)!realm.name)}</p>
                <@buttons.actionGroup>
                    <@buttons.button id="kc-login" name="login" label="esiaLinkSubmit" />
                    <@buttons.buttonLink id="esia-link-exit" href=url.loginRestartFlowUrl label="esiaExit" />
                </@buttons.actionGroup>
            </form>
            <script>
                // Filter-as-you-type over the organisation list; same rules as OrganisationSearch on the server:
                // every typed word starts a word of the name or town, numbers match whole («5» is not «15»).
                (function () {
                    var input = document.getElementById('organisationQuery');
                    var select = document.getElementById('organisation');
                    var status = document.getElementById('esia-org-count');
                    var form = document.getElementById('esia-org-search-form');
                    if (!input || !select || !status || !form) { return; }
                    function words(text) {
                        var t = text.toLowerCase().replace(/ё/g, 'е')
                            .replace(/([^\d\s])(?=\d)/g, '$1 ').replace(/(\d)(?=[^\d\s])/g, '$1 ')
                            .replace(/[^0-9a-zа-я]+/g, ' ').trim();
                        return t ? t.split(' ') : [];
                    }
                    function matches(text, wanted) {
                        return wanted.every(function (w) {
                            var number = /^[0-9]/.test(w);
                            return text.some(function (t) { return number ? t === w : t.indexOf(w) === 0; });
                        });
                    }
                    var all = [];
                    for (var i = 1; i < select.options.length; i++) {
                        all.push({ value: select.options[i].value, label: select.options[i].text, words: words(select.options[i].text) });
                    }
                    var timer = null;
                    function apply() {
                        var wanted = words(input.value);
                        var selected = select.value;
                        while (select.options.length > 1) { select.remove(1); }
                        var found = [];
                        all.forEach(function (o) {
                            if (!wanted.length || matches(o.words, wanted)) {
                                var option = new Option(o.label, o.value, false, o.value === selected);
                                select.add(option);
                                found.push(option);
                            }
                        });
                        if (found.length === 1) { found[0].selected = true; }
                        status.textContent = found.length
                            ? status.getAttribute('data-template').replace('%COUNT%', String(found.length))
                            : status.getAttribute('data-none');
                    }
                    input.addEventListener('input', function () {
                        clearTimeout(timer);
                        timer = setTimeout(apply, 250);
                    });
                    form.addEventListener('submit', function (event) {
                        event.preventDefault();
                        clearTimeout(timer);
                        apply();
                        select.focus();
                    });
                })();
            </script>
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
