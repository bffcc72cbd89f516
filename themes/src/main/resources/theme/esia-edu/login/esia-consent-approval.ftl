<#-- «Согласия на обработку данных детей»: a parent approves or declines consent requests for their children and
     revokes the consents they gave (registry consent source). Every button posts field "action".
     Owner: ru.esiaedu.consent.registry.approval.ConsentApprovalRequiredAction (page data: ApprovalPage) -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: esia-consent-approval.ftl -->
    <#if section = "header">
        ${msg("esiaConsentApprovalTitle")}
    <#elseif section = "form">
        <form id="esia-consent-approval-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#if esiaConsentRegistryDown!false>
                <div class="pf-v5-c-alert pf-m-warning pf-m-inline esia-edu-alert" role="alert" id="esia-consent-registry-down">
                    <p class="pf-v5-c-alert__title">${msg("esiaConsentApprovalRegistryDown")}</p>
                </div>
            <#else>
                <p id="esia-consent-intro" class="esia-edu-lead">${msg("esiaConsentApprovalIntro")}</p>

                <h2 id="esia-consent-pending-title" class="pf-v5-c-title pf-m-lg">${msg("esiaConsentApprovalPendingTitle")}</h2>
                <#if (esiaConsentRequests![])?has_content>
                    <ul id="esia-consent-requests" class="esia-edu-profiles" aria-labelledby="esia-consent-pending-title">
                        <#list esiaConsentRequests as request>
                            <li id="esia-consent-request-${request.id}" class="pf-v5-c-card pf-m-compact">
                                <div class="pf-v5-c-card__body">
                                    <p class="esia-edu-profile-role" id="esia-consent-child-${request.id}"><#if request.childName?has_content>${request.childName}<#else>${msg("esiaConsentApprovalChildUnknown")}</#if></p>
                                    <#if request.className?has_content>
                                        <p class="esia-edu-profile-class">${msg("esiaConsentApprovalClass", request.className)}</p>
                                    </#if>
                                    <#if request.organisation?has_content>
                                        <p class="esia-edu-profile-organisation">${request.organisation}</p>
                                    </#if>
                                    <p id="esia-consent-purpose-${request.id}">${msg("esiaConsentApprovalPurpose", request.clientName)}</p>
                                    <p>${msg("esiaConsentApprovalSharedTitle")}</p>
                                    <ul id="esia-consent-shared-${request.id}" class="esia-edu-consent-shared">
                                        <#list msg("esiaConsentApprovalSharedItems")?split("|") as item>
                                            <#if item?trim?has_content>
                                                <li>${item?trim}</li>
                                            </#if>
                                        </#list>
                                    </ul>
                                    <p class="esia-edu-consent-version">${msg("esiaConsentApprovalTextVersion", esiaConsentTextVersion!"")}</p>
                                    <div class="esia-edu-choices">
                                        <button type="submit" name="action" value="approve:${request.id}" id="approve-${request.id}"
                                                class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button">${msg("esiaConsentApprovalApprove")}</button>
                                        <button type="submit" name="action" value="decline:${request.id}" id="decline-${request.id}"
                                                class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button">${msg("esiaConsentApprovalDecline")}</button>
                                    </div>
                                </div>
                            </li>
                        </#list>
                    </ul>
                <#else>
                    <p id="esia-consent-no-pending">${msg("esiaConsentApprovalNoPending")}</p>
                </#if>

                <#if (esiaConsentGranted![])?has_content>
                    <h2 id="esia-consent-granted-title" class="pf-v5-c-title pf-m-lg">${msg("esiaConsentApprovalGrantedTitle")}</h2>
                    <p id="esia-consent-revoke-hint">${msg("esiaConsentApprovalRevokeHint")}</p>
                    <ul id="esia-consent-granted" class="esia-edu-profiles" aria-labelledby="esia-consent-granted-title">
                        <#list esiaConsentGranted as consent>
                            <li id="esia-consent-granted-${consent.id}" class="pf-v5-c-card pf-m-compact">
                                <div class="pf-v5-c-card__body">
                                    <p class="esia-edu-profile-role"><#if consent.childName?has_content>${consent.childName}<#else>${msg("esiaConsentApprovalChildUnknown")}</#if></p>
                                    <#if consent.className?has_content>
                                        <p class="esia-edu-profile-class">${msg("esiaConsentApprovalClass", consent.className)}</p>
                                    </#if>
                                    <#if consent.organisation?has_content>
                                        <p class="esia-edu-profile-organisation">${consent.organisation}</p>
                                    </#if>
                                    <p>${msg("esiaConsentApprovalSystem", consent.clientName)}</p>
                                    <p class="esia-edu-consent-version">${msg("esiaConsentApprovalGrantedAt", consent.grantedAt, consent.textVersion)}</p>
                                    <button type="submit" name="action" value="revoke:${consent.id}" id="revoke-${consent.id}"
                                            class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button">${msg("esiaConsentApprovalRevoke")}</button>
                                </div>
                            </li>
                        </#list>
                    </ul>
                </#if>
            </#if>
            <div class="esia-edu-choices esia-edu-secondary-actions">
                <button type="submit" name="action" value="continue" id="continue"
                        class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!} esia-edu-big-button"
                        <#if !(esiaConsentRequests![])?has_content>autofocus</#if>>${msg("esiaConsentApprovalContinue")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
