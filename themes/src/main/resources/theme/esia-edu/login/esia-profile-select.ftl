<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: esia-profile-select.ftl -->
    <#if section = "header">
        ${msg("esiaProfileSelectTitle")}
    <#elseif section = "form">
        <p id="esia-profile-hint" class="esia-edu-lead">${msg("esiaProfileSelectHint")}</p>
        <form id="esia-profile-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <ul class="esia-edu-profiles" aria-labelledby="kc-page-title" aria-describedby="esia-profile-hint">
                <#list esiaProfiles as profile>
                    <li>
                        <button type="submit" name="profile" value="${profile.id}" id="esia-profile-${profile?index}"
                                class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button esia-edu-profile"
                                <#if profile?is_first>autofocus</#if>>
                            <span class="esia-edu-profile-role">${msg("esiaProfileRole." + profile.role)}</span>
                            <span class="esia-edu-profile-organisation">${profile.organisation}</span>
                            <#if profile.className?has_content>
                                <span class="esia-edu-profile-class">${msg("esiaProfileClass", profile.className)}</span>
                            </#if>
                        </button>
                        <#-- «Это не я»: the account is not this person's; it is unlinked and the school is asked to check. -->
                        <button type="submit" name="notMe" value="${profile.id}" id="esia-not-me-${profile?index}"
                                class="${properties.kcButtonLinkClass!} esia-edu-link-button esia-edu-not-me"
                                aria-label="${msg("esiaProfileNotMeLabel", profile.organisation)}">${msg("esiaProfileNotMe")}</button>
                    </li>
                </#list>
            </ul>
            <div class="esia-edu-secondary-actions">
                <button type="submit" name="action" value="request" id="esia-request"
                        class="${properties.kcButtonLinkClass!} esia-edu-link-button">${msg("esiaProfileMissing")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
