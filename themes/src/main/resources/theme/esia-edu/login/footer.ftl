<#-- esia-edu: keycloak.v2's footer hook (empty there). Every esia-edu page, also the ones other modules add, gets
     the link to «Как войти через Госуслуги (ЕСИА)», unless the page shows it itself (it then sets
     <#global esiaHelpLinkShown = true>) or is the help page. -->
<#macro content>
    <#if esiaHelpUrl?? && !(esiaHelpLinkShown??) && !(esiaHelpPage??)>
        <p class="esia-edu-help-link esia-edu-footer-help"><a id="esia-help-footer" href="${esiaHelpUrl}">${msg("esiaHowToLink")}</a></p>
    </#if>
</#macro>
